"""Members and settings: staff top up a buyer; administrators set VIP ratios, open accounts
and change the shipping fee."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.services import accounts, auth, settings
from bookshop_gui.ui.merchant.members_model import MembersModel

from .live_helpers import close, open_merchant


@pytest.fixture
def admin_window(demo_shop, tasks):
    window = open_merchant(auth.login("admin", "admin"), tasks)
    yield window
    close(window)


def find(qtbot, pane, text):
    pane.search.clear()
    qtbot.keyClicks(pane.search, text)
    pane.search.search_now()


def test_staff_top_up_a_buyer_after_confirming(qtbot, staff_window, staff_session,
                                               dialog_script):
    pane = staff_window.show_pane("members")
    find(qtbot, pane, "rea")
    assert [m.username for m in pane.model.rows] == ["reader"]
    pane.select("reader")
    assert pane.balance_label.text() == "Balance ¥500.00"
    qtbot.keyClicks(pane.amount, "50")
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.top_up_button, Qt.MouseButton.LeftButton)
    assert dialog_script.shown[-1][2] == (
        "Add ¥50.00 to reader's balance? It will then be ¥550.00.")
    assert accounts.get_member(staff_session.token, "reader").balance == Decimal("550.00")
    assert pane.balance_label.text() == "Balance ¥550.00"
    assert pane.model.index(0, 2).data() == "¥550.00"
    assert "now ¥550.00" in staff_window.statusBar().currentMessage()
    assert pane.amount.text() == ""


def test_saying_no_tops_up_nothing_and_bad_amounts_are_refused(
        qtbot, staff_window, staff_session, dialog_script):
    pane = staff_window.show_pane("members")
    pane.select("guest")
    qtbot.keyClicks(pane.amount, "12.345")
    assert pane.amount.property("invalid") is True
    assert not pane.top_up_button.isEnabled()
    pane.amount.clear()
    qtbot.keyClicks(pane.amount, "20")
    dialog_script.answers = [False]
    qtbot.mouseClick(pane.top_up_button, Qt.MouseButton.LeftButton)
    assert accounts.get_member(staff_session.token, "guest").balance == Decimal("30.00")


def test_staff_do_not_get_administrator_controls(staff_window):
    pane = staff_window.show_pane("members")
    assert not hasattr(pane, "vip_button") and not hasattr(pane, "create_button")
    assert list(staff_window.panes) == ["orders", "catalog", "members", "reports"]


def test_an_administrator_sees_only_members_and_settings(admin_window):
    assert list(admin_window.panes) == ["members", "settings"]
    assert admin_window.windowTitle() == "Bookshop — Administration"


def test_an_administrator_sets_a_vip_ratio(qtbot, admin_window):
    pane = admin_window.show_pane("members")
    pane.select("guest")
    pane.vip.clear()
    qtbot.keyClicks(pane.vip, "0.9")
    qtbot.mouseClick(pane.vip_button, Qt.MouseButton.LeftButton)
    assert pane.vip_label.text() == "VIP ratio 0.9"
    assert accounts.get_member(admin_window.session.token, "guest").vip_ratio == Decimal("0.9")


def test_an_administrator_opens_buyer_and_staff_accounts(qtbot, admin_window):
    pane = admin_window.show_pane("members")
    qtbot.keyClicks(pane.new_username, "walker")
    qtbot.keyClicks(pane.new_password, "long walk")
    qtbot.mouseClick(pane.create_button, Qt.MouseButton.LeftButton)
    assert "walker" in [m.username for m in pane.model.rows]
    pane.new_role.setCurrentIndex(pane.new_role.findText("Shop staff"))
    pane.new_shop.setCurrentIndex(pane.new_shop.findText("墨香书店"))
    qtbot.keyClicks(pane.new_username, "clerk")
    qtbot.keyClicks(pane.new_password, "clerk pass")
    qtbot.mouseClick(pane.create_button, Qt.MouseButton.LeftButton)
    clerk = auth.login("clerk", "clerk pass")
    assert (clerk.role, clerk.shop_name) == ("staff", "墨香书店")
    qtbot.keyClicks(pane.new_username, "clerk")
    qtbot.keyClicks(pane.new_password, "again")
    qtbot.mouseClick(pane.create_button, Qt.MouseButton.LeftButton)
    assert "already taken" in pane.create_error.text()


def test_an_administrator_changes_the_shipping_fee(qtbot, admin_window):
    pane = admin_window.show_pane("settings")
    assert pane.fee.text() == "22.00"
    pane.fee.clear()
    qtbot.keyClicks(pane.fee, "15.5")
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    assert settings.shipping_fee() == Decimal("15.50")
    pane.fee.clear()
    qtbot.keyClicks(pane.fee, "-1")
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    assert pane.fee.property("invalid") is True
    assert settings.shipping_fee() == Decimal("15.50")


def test_the_members_model_passes_the_model_tester(qtmodeltester, staff_session):
    model = MembersModel()
    model.set_rows(accounts.find_members(staff_session.token))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_members_sort_by_balance_as_money_not_as_text(qapp):
    from bookshop_gui.domain import Member
    from bookshop_gui.ui.merchant.members_model import COL_BALANCE

    model = MembersModel()
    model.set_rows([Member(1, "rich", "buyer", None, Decimal("1"), Decimal("1000.00")),
                    Member(2, "poor", "buyer", None, Decimal("1"), Decimal("99.00"))])
    model.sort(COL_BALANCE, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["poor", "rich"]
    assert model.index(1, COL_BALANCE).data() == "¥1,000.00"
    model.set_rows(list(reversed(model.rows)))  # read again: still in the order asked for
    assert [model.index(r, 0).data() for r in range(2)] == ["poor", "rich"]


def test_a_click_on_a_column_header_sorts_the_members(qtbot, staff_window):
    pane = staff_window.show_pane("members")
    from bookshop_gui.ui.merchant.members_model import COL_BALANCE

    pane.select("guest")
    header = pane.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(COL_BALANCE) + 5, 5)
    orders = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert header.sortIndicatorSection() == COL_BALANCE
        orders.append([(member.balance, member.username) for member in pane.model.rows])
    assert len({member.balance for member in pane.model.rows}) > 1
    assert orders[0] == sorted(orders[0], key=lambda pair: pair[0],
                               reverse=orders[0][0][0] > orders[0][-1][0])
    assert [b for b, _ in orders[1]] == [b for b, _ in reversed(orders[0])]
    assert pane.member.username == "guest"  # the chosen member stays chosen


def test_the_top_up_fields_hint_shows_whole_at_1024_by_768(staff_window):
    staff_window.resize(1024, 768)
    pane = staff_window.show_pane("members")
    QApplication.processEvents()
    hint = pane.amount.placeholderText()
    assert hint == "e.g. 50.00"  # its label above says what the amount is for
    assert pane.amount.fontMetrics().horizontalAdvance(hint) < pane.amount.width() - 16
