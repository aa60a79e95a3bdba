"""The list models, tested without any widget (as Vorta tests its table models)."""

from pathlib import Path

from PySide6.QtCore import Qt

from acsg_desktop.core import i18n
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.requests.request_table_model import (
    COL_ID,
    COL_STATUS,
    RequestFilterProxy,
    RequestTableModel,
)


def test_request_model_rows_headers_roles_and_proxy(qapp, tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        create_demo(workspace, "en")
        requests = workspace.requests.list()
    model = RequestTableModel()
    model.set_rows(requests)
    assert model.rowCount() == 4 and model.columnCount() == 7
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Status"
    statuses = {model.index(row, COL_STATUS).data() for row in range(4)}
    assert statuses == {"Draft", "In review", "Approved", "Withdrawn"}
    i18n.set_language("fr")
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Statut"
    i18n.set_language("en")
    proxy = RequestFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, COL_ID).data() for row in range(4)] == ["1", "2", "3", "4"]
    proxy.set_filters("approved", "", "", "")
    assert proxy.rowCount() == 1
