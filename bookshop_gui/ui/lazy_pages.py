"""Pages of a window made the first time they are wanted.

A window with many pages behind the one in view would otherwise build every
widget and start every page's reads before its first paint: signing in would
cost what nobody has looked at yet.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(Mapping):
    """The pages of `stack` by name, in order; each is made by its maker the first time it
    is asked for, put where its stand-in was, and handed to the window's method `made`
    to be wired up.

    Nothing here holds the window itself (`made` is held weakly, and makers should not
    capture it): a closed window must be freed with its pages, not kept by a cycle.
    """

    def __init__(self, stack: QStackedWidget, makers: dict[str, Callable[[], QWidget]],
                 made: Callable[[str, QWidget], None]):
        self._stack, self._makers, self._made = stack, makers, weakref.WeakMethod(made)
        self._built: dict[str, QWidget] = {}
        for _name in makers:
            stack.addWidget(QWidget())  # stands in until the page is first wanted

    def __getitem__(self, name: str) -> QWidget:
        return self.make(name)

    def make(self, name: str) -> QWidget:
        """The page `name`, made now if it has not been."""
        if name not in self._built:
            self._built[name] = page = self._makers[name]()
            self._place(name, page)
            wire = self._made()
            if wire is not None:
                wire(name, page)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def built(self) -> dict[str, QWidget]:
        """The pages made so far, without making any."""
        return dict(self._built)

    def _place(self, name: str, page: QWidget) -> None:
        index = list(self._makers).index(name)
        stand_in = self._stack.widget(index)
        showing = self._stack.currentIndex() == index
        self._stack.insertWidget(index, page)
        self._stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if showing:
            self._stack.setCurrentIndex(index)
