#include "notify/outboxmodel.h"

#include "notify/noticenames.h"
#include "widgets/formwidgets.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString timeText(const QDateTime& at)
{
    return at.isValid() ? at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

} // namespace

OutboxModel::OutboxModel(Database db, Session session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
}

Result<QList<OutboxEntry>> OutboxModel::read(int limit, qint64 beforeId) const
{
    OutboxFilter filter;
    filter.state = m_state;
    filter.limit = limit;
    filter.beforeId = beforeId;
    return NoticeService(m_db).outbox(m_session, filter);
}

Status OutboxModel::load()
{
    auto page = read(m_pageSize);
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    m_error.reset();
    if (page) {
        m_atEnd = page->size() < m_pageSize;
        m_rows = std::move(*page);
    } else {
        m_error = page.error();
    }
    endResetModel();
    if (!page)
        return fail(page.error());
    return {};
}

bool OutboxModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void OutboxModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    // The next page: the notices older than the last one listed (newest first, by id).
    auto read = this->read(m_pageSize, m_rows.isEmpty() ? 0 : m_rows.constLast().id);
    if (!read) {
        m_error = read.error();
        m_atEnd = true;
        emit readFailed(read.error().message);
        return;
    }
    m_atEnd = read->size() < m_pageSize;
    if (read->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(read->size()) - 1);
    m_rows.append(std::move(*read));
    endInsertRows();
}

int OutboxModel::rowOfNotice(qint64 noticeId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == noticeId)
            return static_cast<int>(row);
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry& entry = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, column);
    case Qt::ToolTipRole:
        if (column == PhoneColumn)
            return tr("%1, messages in %2").arg(entry.phoneMasked, noticeLanguageName(entry.language));
        if (column == WhenColumn && entry.state == u"sent")
            return tr("Sent at %1").arg(timeText(entry.sentAt));
        if (column == WhenColumn && entry.nextAttemptAt.isValid())
            return tr("Next attempt at %1").arg(timeText(entry.nextAttemptAt));
        return display(entry, column);
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == AttemptsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        // A notice nobody will send any more without an administrator stands out.
        if (column == StateColumn && entry.state == u"dead")
            return errorColor();
        return {};
    case NoticeIdRole:
        return entry.id;
    case StateKeyRole:
        return entry.state;
    default:
        return {};
    }
}

QVariant OutboxModel::display(const OutboxEntry& entry, int column) const
{
    switch (column) {
    case IdColumn: return entry.id;
    case CreatedColumn: return timeText(entry.createdAt);
    case KindColumn: return noticeKindName(entry.kind);
    case AccountColumn: return entry.accountMasked;
    case PhoneColumn: return entry.phoneMasked;
    case StateColumn: return noticeStateName(entry.state);
    case AttemptsColumn: return entry.attempts;
    case WhenColumn: return timeText(entry.state == u"sent" ? entry.sentAt : entry.nextAttemptAt);
    case ErrorColumn: return entry.lastError;
    case TextColumn: return entry.text;
    default: return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == WhenColumn)
        return tr("When a waiting notice is tried next, or when a sent one was sent");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("No.");
    case CreatedColumn: return tr("Queued");
    case KindColumn: return tr("Kind");
    case AccountColumn: return tr("Account");
    case PhoneColumn: return tr("Phone");
    case StateColumn: return tr("State");
    case AttemptsColumn: return tr("Attempts");
    case WhenColumn: return tr("Next attempt / sent");
    case ErrorColumn: return tr("Last error");
    case TextColumn: return tr("Text");
    default: return {};
    }
}

void OutboxModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
