"""The command line: ``peskovtui [PATH...]`` opens the reader; subcommands print for scripts.

Every subcommand prints a Rich table for people or plain, stable JSON for scripts. Errors a user
can cause end in one line on stderr (``peskovtui: ...``) and a non-zero exit status.

The parts: ``parser`` (arguments and usage lines), ``commands`` (one function per subcommand),
with the clip subcommands in ``clipping``, ``speakers`` in ``speakers`` and the reader in
``reading``, each imported only when its subcommand runs, ``output`` (tables,
JSON, CSV, Markdown, warnings), ``rows`` (long tables a row at a time), ``progress`` (an
index build's progress) and ``collector`` (Python's collector while a command opens its corpus).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from peskovtui.cli import collector
from peskovtui.cli.parser import COMPOUNDS, PROG, SUBCOMMANDS, USAGE, build_parser
from peskovtui.errors import PeskovError

__all__ = ["USAGE", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if tuple(args_list[:2]) in COMPOUNDS:
        args_list[:2] = [" ".join(args_list[:2])]
    if not args_list or (
        args_list[0] not in SUBCOMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "read")
    # A subcommand's run needs its own arguments only; the help lists them all.
    parser, handlers = build_parser(args_list[0] if args_list[0] in SUBCOMMANDS else None)
    args = parser.parse_args(args_list)
    if argv is None:  # the console script: a process of its own (see ``collector``)
        collector.pause()
    try:
        return handlers[args.command](args)
    except PeskovError as error:
        # Imported here: Rich's console is not needed unless something is printed.
        from peskovtui.cli.output import plain, stderr_console

        stderr_console().print(plain(f"{PROG}: {error}", style="red"), soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        sys.stderr.close()
        return 0
    finally:
        collector.resume(freeze=False)
