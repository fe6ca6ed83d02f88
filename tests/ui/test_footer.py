"""The footer of keys is composed again only when the keys it shows change, and then shows them."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from peskovtui.ui.widgets.footer import Footer

from .conftest import Run, wait_for


def footer_keys(screen: Any) -> list[tuple[str, str, str, bool]]:
    """The keys the screen's footer shows: key, as displayed, description, enabled."""
    footer = screen.query_one(Footer)
    return [
        (key.key, key.key_display, key.description, not key.disabled)
        for key in footer.query(FooterKey)
    ]


def keys_to_show(screen: Any) -> list[tuple[str, str, str, bool]]:
    """The keys the screen's bindings ask the footer to show now: the first key of each action,
    then the command palette's."""
    app = screen.app
    bindings = screen.active_bindings
    by_action: dict[str, tuple[str, str, str, bool]] = {}
    for _, binding, enabled, _ in bindings.values():
        if binding.show:
            shown = (binding.key, app.get_key_display(binding), binding.description, enabled)
            by_action.setdefault(binding.action, shown)
    palette = bindings.get(app.COMMAND_PALETTE_BINDING)
    if palette is not None:
        _, binding, enabled, _ = palette
        by_action[""] = (binding.key, app.get_key_display(binding), binding.description, enabled)
    return list(by_action.values())


async def test_the_main_screens_footer_makes_its_keys_once_at_start(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    original = FooterKey.__init__

    def counted(self: FooterKey, *args: Any, **options: Any) -> None:
        made.append(args[0])
        original(self, *args, **options)

    monkeypatch.setattr(FooterKey, "__init__", counted)
    async with run_app() as pilot:
        shown = footer_keys(pilot.app.screen)
        assert shown == keys_to_show(pilot.app.screen)
        # The focus, the screen stack and the app's focus all changed while the screen started:
        # the keys were made once all the same.
        assert len(made) == len(shown) > 5


async def test_the_footer_follows_the_focus_and_a_changed_key(run_app: Run) -> None:
    async with run_app() as pilot:
        screen = pilot.app.screen
        before = footer_keys(screen)
        await pilot.press("slash")
        await wait_for(
            pilot,
            lambda: footer_keys(screen) == keys_to_show(screen) != before,
            "the search bar's keys in the footer",
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: footer_keys(screen) == before, "the list's keys again")
        pilot.app.update_keymap({"app.help": "f1"})
        await wait_for(
            pilot,
            lambda: ("f1", "f1", "Help", True) in footer_keys(screen),
            "help on F1 in the footer",
        )
