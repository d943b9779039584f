#include "notify/attemptsmodel.h"

#include "notify/noticenames.h"
#include "widgets/formwidgets.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

AttemptsModel::AttemptsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AttemptsModel::setAttempts(QList<NoticeAttemptRecord> attempts)
{
    beginResetModel();
    m_rows = std::move(attempts);
    endResetModel();
}

int AttemptsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AttemptsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoticeAttemptRecord& attempt = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return display(attempt, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptColumn || index.column() == HttpColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && attempt.outcome != u"sent")
            return errorColor();
        return {};
    default:
        return {};
    }
}

QVariant AttemptsModel::display(const NoticeAttemptRecord& attempt, int column) const
{
    const auto time = [](const QDateTime& at) {
        return at.isValid() ? at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
    };
    switch (column) {
    case AttemptColumn: return attempt.attempt;
    case SenderColumn: return attempt.sender;
    case StartedColumn: return time(attempt.startedAt);
    case FinishedColumn: return time(attempt.finishedAt);
    case OutcomeColumn: return attemptOutcomeName(attempt.outcome);
    case HttpColumn: return attempt.httpStatus > 0 ? QVariant(attempt.httpStatus) : QVariant(QString());
    case ErrorColumn: return attempt.error;
    default: return {};
    }
}

QVariant AttemptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == HttpColumn)
        return tr("The gateway's HTTP status; empty when no answer came");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AttemptColumn: return tr("Attempt");
    case SenderColumn: return tr("Sender");
    case StartedColumn: return tr("Started");
    case FinishedColumn: return tr("Finished");
    case OutcomeColumn: return tr("Outcome");
    case HttpColumn: return tr("HTTP");
    case ErrorColumn: return tr("Error");
    default: return {};
    }
}

void AttemptsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
