#include "approvals/approvalqueuemodel.h"

#include "approvals/approvalnames.h"
#include "widgets/moneycell.h"

#include <QBrush>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cs::ui {

ApprovalQueueModel::ApprovalQueueModel(Database db, Session session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
}

void ApprovalQueueModel::setFilter(const ApprovalFilter& filter)
{
    m_filter = filter;
    m_filter.afterId = 0;
}

void ApprovalQueueModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 500);
}

Result<QList<ApprovalRecord>> ApprovalQueueModel::readPage(qint64 afterId) const
{
    ApprovalFilter page = m_filter;
    page.afterId = afterId;
    page.limit = m_pageSize;
    return ApprovalService(m_db).list(m_session, page);
}

Status ApprovalQueueModel::readFirstPages(int atLeast)
{
    QList<ApprovalRecord> rows;
    bool atEnd = false;
    int pages = 0;
    std::optional<Error> error;
    auto total = ApprovalService(m_db).count(m_session, m_filter);
    if (!total)
        error = total.error();
    while (!error && !atEnd && (pages == 0 || rows.size() < atLeast)) {
        auto page = readPage(rows.isEmpty() ? 0 : rows.constLast().id);
        if (!page) {
            error = page.error();
            break;
        }
        ++pages;
        atEnd = page->size() < m_pageSize;
        rows.append(std::move(*page));
    }
    beginResetModel();
    m_error = error;
    if (error) {
        m_rows.clear();
        m_total = 0;
        m_loaded = false;
        m_atEnd = true;
        m_pagesRead = 0;
    } else {
        m_rows = std::move(rows);
        m_total = *total;
        m_loaded = true;
        m_atEnd = atEnd;
        m_pagesRead = pages;
    }
    endResetModel();
    emit loaded();
    if (error)
        return fail(*error);
    return {};
}

Status ApprovalQueueModel::load()
{
    return readFirstPages(0);
}

Status ApprovalQueueModel::reload()
{
    return readFirstPages(static_cast<int>(m_rows.size()));
}

bool ApprovalQueueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && !m_atEnd && !m_error;
}

void ApprovalQueueModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = readPage(m_rows.isEmpty() ? 0 : m_rows.constLast().id);
    if (!page) {
        m_error = page.error();
        emit readFailed(page.error().message);
        return;
    }
    ++m_pagesRead;
    m_atEnd = page->size() < m_pageSize;
    if (page->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(std::move(*page));
    endInsertRows();
}

int ApprovalQueueModel::rowOfApproval(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

int ApprovalQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ApprovalQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApprovalRecord& a = m_rows.at(index.row());
    const int column = index.column();
    const bool blind = amountIsBlind(a, m_session.staffId);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return QString::number(a.id);
        case TimeColumn:
            return a.businessDate == m_session.businessDate ? a.createdAt.toLocalTime().toString(u"HH:mm:ss")
                                                            : a.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm");
        case ActionColumn: return approvalActionName(a.action);
        case SubjectColumn: return tr("%1 %2").arg(approvalEntityName(a.entityType), a.entityId);
        case MakerColumn: return a.makerName.isEmpty() ? a.makerLogin : tr("%1 (%2)").arg(a.makerName, a.makerLogin);
        case AmountColumn:
            if (!a.amount)
                return QString();
            return blind ? tr("re-key") : moneyText(*a.amount);
        case StateColumn: return approvalStateName(a.state);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (column == AmountColumn && blind)
            return tr("The checker keys the amount from the slip without seeing it.");
        if (column == MakerColumn)
            return tr("Terminal %1").arg(a.makerTerminal);
        if (column == StateColumn && !a.reason.isEmpty())
            return a.reason;
        if (column == TimeColumn)
            return a.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
        return {};
    case Qt::TextAlignmentRole:
        if (column == AmountColumn || column == IdColumn)
            return moneyAlignment();
        if (column == TimeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case Qt::ForegroundRole:
        if (column == AmountColumn && blind)
            return QBrush(QPalette().color(QPalette::PlaceholderText));
        return {};
    case ApprovalIdRole:
        return a.id;
    default:
        return {};
    }
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == AmountColumn ? moneyAlignment() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("No.");
    case TimeColumn: return tr("Time");
    case ActionColumn: return tr("Request");
    case SubjectColumn: return tr("About");
    case MakerColumn: return tr("Maker");
    case AmountColumn: return tr("Amount");
    case StateColumn: return tr("State");
    default: return {};
    }
}

void ApprovalQueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
