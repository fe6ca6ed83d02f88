"""The user's keymap file: ids the app does not have are named, not silently ignored."""

from __future__ import annotations

from pathlib import Path

from peskovtui.ui.settings import load_keymap

KNOWN = {"app.next_match", "app.search", "reader.down"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_binding_id_is_reported_and_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\n"app.next_macth" = "m"\n"reader.down" = "j,ctrl+n"\n')
    keymap, warning = load_keymap(path, KNOWN)
    assert keymap == {"reader.down": "j,ctrl+n"}
    assert warning == (
        f"The keymap {path} ignores unknown binding id app.next_macth "
        "(did you mean app.next_match?)."
    )


def test_several_problems_are_one_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\n"nope" = "x"\n"zilch" = "y"\n"app.search" = 3\n')
    keymap, warning = load_keymap(path, KNOWN)
    assert keymap == {}
    assert warning == (
        f"The keymap {path} ignores app.search (keys must be strings); "
        "unknown binding ids nope, zilch."
    )


def test_known_ids_give_no_warning(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\n"app.next_match" = "n,f3"\n')
    assert load_keymap(path, KNOWN) == ({"app.next_match": "n,f3"}, None)
    # Without the ids to check against, every id is taken as it is.
    path = write(tmp_path, '[keymap]\n"whatever" = "n"\n')
    assert load_keymap(path) == ({"whatever": "n"}, None)
