"""The column-spec table model every table of both windows is built on."""

from typing import NamedTuple

from PySide6.QtCore import Qt

from bookshop_gui.ui.columns import RIGHT, ROW_ROLE, Column, ColumnsModel

Role = Qt.ItemDataRole


class Task(NamedTuple):
    name: str
    hours: int
    done: bool


class TasksModel(ColumnsModel):
    """A check box, a name with a tip, and hours that take an edit from 1 to 9."""

    def columns(self):
        return (
            Column("Done", None, check=lambda task: task.done),
            Column("Name", lambda task: task.name,
                   tip=lambda task: "late" if task.hours > 5 else ""),
            Column("Hours", lambda task: str(task.hours), RIGHT, lambda task: task.hours,
                   edit=lambda task: task.hours),
        )

    def write(self, row, column, value):
        if column == 0:
            self.rows[row] = self.rows[row]._replace(done=value)
        elif isinstance(value, int) and 1 <= value <= 9:
            self.rows[row] = self.rows[row]._replace(hours=value)
        else:
            return False
        return True


def tasks_model():
    model = TasksModel()
    model.set_rows([Task("pack", 7, False), Task("label", 2, True), Task("ship", 10, False)])
    return model


def test_a_table_of_columns_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(tasks_model())


def test_each_part_of_a_column_is_its_role():
    model = tasks_model()
    assert model.index(0, 0).data() is None  # a check box alone
    assert model.index(0, 0).data(Role.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1, 0).data(Role.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 1).data(Role.ToolTipRole) == "late"
    assert model.index(1, 1).data(Role.ToolTipRole) is None  # no empty tooltip
    assert model.index(0, 2).data(Role.EditRole) == 7
    assert model.index(0, 2).data(Role.TextAlignmentRole) == RIGHT
    assert model.index(0, 1).data(ROW_ROLE) == Task("pack", 7, False)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Hours"


def test_only_cells_with_an_editor_or_a_check_box_take_changes(qtbot):
    model = tasks_model()
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "packing")
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Role.CheckStateRole)
    assert changed.args[0].row() == 0 and changed.args[1].column() == 2  # the whole row
    assert model.rows[0].done
    assert model.setData(model.index(0, 2), 3) and model.index(0, 2).data() == "3"
    assert not model.setData(model.index(0, 2), 12)  # `write` refused it
    assert model.rows[0].hours == 3


def test_a_model_that_is_not_editable_now_takes_no_edit_nor_tick():
    model = tasks_model()
    model.editable = False
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(0, 2), 3)
    assert not model.setData(model.index(0, 0), Qt.CheckState.Checked.value,
                             Role.CheckStateRole)
    assert model.rows[0] == Task("pack", 7, False)
    assert model.index(0, 0).data(Role.CheckStateRole) == Qt.CheckState.Unchecked  # still shown


def test_sorting_uses_the_columns_key_or_its_tick():
    model = tasks_model()
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [task.hours for task in model.rows] == [10, 7, 2]  # as numbers, not as text
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [task.hours for task in model.rows] == [2, 10, 7]  # the ticked first
