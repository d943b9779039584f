#pragma once

#include "reports/reporttable.h"

#include <QChartView>

namespace cs::ui {

// A report's chart on screen (Qt Charts): bars, lines or a pie from ReportTable::series, in the same
// colours as on paper. Money (in fen) shows in yuan on the axis, counts as they are. Empty when the
// report has no chart (hasChart()).
class ReportChartView : public QChartView {
    Q_OBJECT
public:
    explicit ReportChartView(QWidget* parent = nullptr);

    void setTable(const ReportTable& table);
    void clear();
    bool hasChart() const { return m_hasChart; }
    // The number of points drawn, over all series (slices for a pie).
    int pointCount() const { return m_points; }

private:
    void showBars(const ReportTable& table, const QStringList& categories);
    void showLines(const ReportTable& table, const QStringList& categories);
    void showPie(const ReportTable& table);

    bool m_hasChart = false;
    int m_points = 0;
};

} // namespace cs::ui
