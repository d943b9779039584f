#include "transfers/transfersmodel.h"

#include "transfers/transfernames.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QBrush>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::ui {

TransfersModel::TransfersModel(Database db, Session session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
}

Status TransfersModel::load()
{
    auto listed = TransferService(m_db).list(m_session, m_filter);
    if (!listed)
        return fail(listed.error());
    // Newest first: the teller looks at what was just entered.
    std::stable_sort(listed->begin(), listed->end(),
                     [](const TransferRecord& a, const TransferRecord& b) { return a.id > b.id; });
    beginResetModel();
    m_rows = std::move(*listed);
    endResetModel();
    return {};
}

int TransfersModel::rowOfTransfer(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

int TransfersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TransfersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransfersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransferRecord& t = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn: return t.createdAt.toLocalTime().toString(u"HH:mm:ss");
        case IdColumn: return QString::number(t.id);
        case FromColumn: return t.fromName.isEmpty() ? t.fromAccount : tr("%1 %2").arg(t.fromAccount, t.fromName);
        case ToColumn:
            return t.toName.isEmpty() ? t.toAccount : tr("%1 %2").arg(t.toAccount, t.toName);
        case RouteColumn: return routeDisplayName(t.route);
        case AmountColumn: return moneyText(t.amount);
        case FeeColumn: return t.feeWaived ? tr("waived") : moneyText(t.fee);
        case StateColumn: return transferStateName(t.state);
        case ApprovalColumn: return t.approvalId ? QString::number(t.approvalId) : QString();
        default: return {};
        }
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("Transfer %1, request %2").arg(t.id).arg(t.requestId);
        if (!t.toBankCode.isEmpty())
            lines << tr("Payee bank %1").arg(t.toBankCode);
        if (t.txnId)
            lines << tr("Transaction %1").arg(t.txnId);
        if (!t.clearingMessageId.isEmpty())
            lines << tr("Clearing message %1 (%2)").arg(t.clearingMessageId, t.clearingState);
        if (!t.clearingReason.isEmpty())
            lines << tr("Network's reason: %1").arg(t.clearingReason);
        if (!t.remarks.isEmpty())
            lines << tr("Remarks: %1").arg(t.remarks);
        return lines.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        if (column == AmountColumn || column == FeeColumn || column == IdColumn || column == ApprovalColumn)
            return moneyAlignment();
        if (column == TimeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case Qt::ForegroundRole:
        if (column == StateColumn && transferStateIsVoid(t.state))
            return QBrush(errorColor());
        return {};
    case TransferIdRole:
        return t.id;
    case StateKeyRole:
        return t.state;
    default:
        return {};
    }
}

QVariant TransfersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == AmountColumn || section == FeeColumn ? moneyAlignment() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case IdColumn: return tr("No.");
    case FromColumn: return tr("Payer");
    case ToColumn: return tr("Payee");
    case RouteColumn: return tr("Route");
    case AmountColumn: return tr("Amount");
    case FeeColumn: return tr("Fee");
    case StateColumn: return tr("State");
    case ApprovalColumn: return tr("Approval");
    default: return {};
    }
}

void TransfersModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
