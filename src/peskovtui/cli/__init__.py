"""The command line: ``peskovtui [PATH...]`` opens the reader; subcommands print for scripts.

Every subcommand prints a Rich table for people or plain, stable JSON for scripts. Errors a user
can cause end in one line on stderr (``peskovtui: ...``) and a non-zero exit status.

The parts: ``parser`` (arguments and usage lines), ``commands`` (one function per subcommand),
with the clip subcommands in ``clipping`` and ``speakers`` in ``speakers``, ``output`` (tables,
JSON, CSV, Markdown, warnings), ``rows`` (long tables a row at a time) and ``progress`` (an
index build's progress).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from peskovtui.cli import output
from peskovtui.cli.output import PROG, plain
from peskovtui.cli.parser import COMPOUNDS, USAGE, build_parser
from peskovtui.errors import PeskovError

__all__ = ["USAGE", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, handlers = build_parser()
    if tuple(args_list[:2]) in COMPOUNDS:
        args_list[:2] = [" ".join(args_list[:2])]
    if not args_list or (
        args_list[0] not in handlers and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "read")
    args = parser.parse_args(args_list)
    try:
        return handlers[args.command](args)
    except PeskovError as error:
        output.stderr_console().print(plain(f"{PROG}: {error}", style="red"), soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        sys.stderr.close()
        return 0
