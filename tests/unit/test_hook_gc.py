"""The build hook freezes what is alive after loading the data, but never while serving."""

from __future__ import annotations

import gc
import importlib.util

from helpers import ROOT


def _hook():
    spec = importlib.util.spec_from_file_location("question_pages_hook", ROOT / "overrides/hooks/question_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_build_freezes_and_serving_does_not():
    hook = _hook()
    gc.unfreeze()
    try:
        hook.on_startup(command="serve", dirty=False)
        hook.freeze_long_lived()
        assert gc.get_freeze_count() == 0
        hook.on_startup(command="build", dirty=False)
        hook.freeze_long_lived()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
