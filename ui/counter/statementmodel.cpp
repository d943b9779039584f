#include "counter/statementmodel.h"

#include "counter/accountnames.h"
#include "widgets/moneycell.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

StatementModel::StatementModel(Database db, Session session, QString accountNumber, QDate from, QDate to,
                               QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_number(std::move(accountNumber))
    , m_from(from)
    , m_to(to)
{
}

void StatementModel::setRange(const QDate& from, const QDate& to)
{
    m_from = from;
    m_to = to;
}

void StatementModel::setPageSize(int lines)
{
    m_pageSize = std::clamp(lines, 1, 1000);
}

Result<StatementPage> StatementModel::readPage() const
{
    // The running balance after the last line read so far opens the next page.
    std::optional<Money> before;
    if (!m_lines.isEmpty())
        before = m_lines.constLast().balanceAfter;
    return AccountService(m_db).statement(m_session, m_number, m_from, m_to, m_lastLineId, m_pageSize, before);
}

Status StatementModel::load()
{
    beginResetModel();
    m_lines.clear();
    m_lastLineId = 0;
    m_pagesRead = 0;
    m_atEnd = true;
    m_loaded = false;
    m_error.reset();
    auto page = readPage();
    if (page) {
        m_lines = std::move(page->lines);
        m_lastLineId = page->lastLineId;
        m_atEnd = page->atEnd;
        m_loaded = true;
        m_pagesRead = 1;
    } else {
        m_error = page.error();
    }
    endResetModel();
    if (!page)
        return fail(page.error());
    return {};
}

bool StatementModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && !m_atEnd && !m_error;
}

void StatementModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = readPage();
    if (!page) {
        m_error = page.error();
        emit readFailed(page.error().message);
        return;
    }
    m_atEnd = page->atEnd;
    m_lastLineId = page->lastLineId;
    ++m_pagesRead;
    if (page->lines.isEmpty())
        return;
    const int first = static_cast<int>(m_lines.size());
    beginInsertRows({}, first, first + static_cast<int>(page->lines.size()) - 1);
    m_lines.append(std::move(page->lines));
    endInsertRows();
}

int StatementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int StatementModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatementLine& line = m_lines.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case DateColumn: return line.businessDate.toString(u"yyyy-MM-dd");
        case TimeColumn: return line.postedAt.toLocalTime().toString(u"HH:mm:ss");
        case KindColumn: return transactionKindName(line.kind);
        case DebitColumn: return line.side == 'D' ? moneyText(line.amount) : QString();
        case CreditColumn: return line.side == 'C' ? moneyText(line.amount) : QString();
        case BalanceColumn: return moneyText(line.balanceAfter);
        case MemoColumn: return line.memo;
        case TerminalColumn: return line.terminal;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (column == KindColumn) {
            QString tip = tr("Transaction %1").arg(line.txnId);
            if (line.reversesTxnId != 0)
                tip += u'\n' + tr("Reverses transaction %1").arg(line.reversesTxnId);
            return tip;
        }
        if (column == TimeColumn)
            return line.postedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
        if (column == MemoColumn)
            return line.memo;
        return {};
    case Qt::TextAlignmentRole:
        if (column == DebitColumn || column == CreditColumn || column == BalanceColumn)
            return moneyAlignment();
        if (column == DateColumn || column == TimeColumn || column == TerminalColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case TxnIdRole:
        return line.txnId;
    default:
        return {};
    }
}

QVariant StatementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == DebitColumn || section == CreditColumn || section == BalanceColumn ? moneyAlignment()
                                                                                               : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn: return tr("Date");
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Transaction");
    case DebitColumn: return tr("Debit");
    case CreditColumn: return tr("Credit");
    case BalanceColumn: return tr("Balance");
    case MemoColumn: return tr("Memo");
    case TerminalColumn: return tr("Terminal");
    default: return {};
    }
}

void StatementModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_lines.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
