"""The footer of keys: Textual's, composed again only when the keys it shows have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """Textual's footer, recomposed only when what it would show differs from what it shows.

    Textual's own recomposes every key of the footer on every change of the focus, of the screen
    stack or of the app's focus. At start-up five such changes came before and just after the
    first frame, and each made the fourteen keys of the main screen anew with the same keys;
    later, moving the focus between widgets that show the same keys did the same.

    Each key bound to the footer's style is made in it from the start: Textual's keys start
    compact and are made wide by that binding, which restyled every key twice.
    """

    _shown: Hashable = None

    def _keys_to_show(self) -> Hashable:
        """What ``compose`` would show now: every key shown, as the footer draws it."""
        if not self._bindings_ready:
            return None
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.tooltip,
                binding.group,
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )
        return (keys, self.show_command_palette, app.ENABLE_COMMAND_PALETTE, self.compact)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A key bound to the footer's style takes it; the command palette's keeps
                # Textual's default, compact.
                bound = "compact" in (widget._reactive_connect or {})
                compact = self.compact if bound else True
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return  # as Textual's: a footer taken off the screen is left as it is
        shown = self._keys_to_show()
        if shown is not None and shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
