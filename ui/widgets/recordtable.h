#pragma once

class QTableView;

namespace cs::ui {

// The look of the terminal's lists (staff, settings): a record per row, selected whole and one at a
// time, one line high and striped; the columns fit their contents and `stretchColumn` takes the rest of
// the width. Call it once the view has its model.
void setUpRecordTable(QTableView* view, int stretchColumn);

} // namespace cs::ui
