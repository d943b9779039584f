#include "cards/cardsmodel.h"

#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

CardsModel::CardsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CardsModel::setCards(QList<CardView> cards)
{
    beginResetModel();
    m_rows = std::move(cards);
    endResetModel();
}

int CardsModel::rowOfCard(qint64 cardId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == cardId)
            return static_cast<int>(row);
    }
    return -1;
}

int CardsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CardsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CardsModel::stateText(const CardView& card)
{
    const auto state = cardStateFromKey(card.state);
    return state ? cardStateLabel(*state) : card.state;
}

QString CardsModel::productText(const CardView& card)
{
    const auto product = cardProductFromKey(card.productCode);
    return product ? cardProductLabel(*product) : card.productCode;
}

QString CardsModel::pinText(const CardView& card)
{
    if (!card.pinSet)
        return tr("Not set");
    if (card.pinLocked)
        return tr("Locked today");
    return tr("Set");
}

QString CardsModel::onlineText(const CardView& card)
{
    if (!card.onlineEnabled)
        return tr("Off");
    const auto method = onlineMethodFromKey(card.onlineMethod);
    return tr("%1, %2 a day").arg(method ? onlineMethodLabel(*method) : card.onlineMethod, moneyText(card.onlineDailyLimit));
}

QString CardsModel::stateToolTip(const CardView& card) const
{
    const QString state = stateText(card);
    const QString dateFormat = u"yyyy-MM-dd"_s;
    if (card.lossKind == u"oral" && card.state == u"lost_oral" && card.lossLapsesOn.isValid())
        return tr("%1 on %2; it lapses on %3 unless a written report follows.")
            .arg(state, card.lossReportedOn.toString(dateFormat), card.lossLapsesOn.toString(dateFormat));
    if (card.state == u"lost_written" && card.replaceableOn.isValid())
        return tr("%1 on %2; the card can be replaced from %3.")
            .arg(state, card.lossReportedOn.toString(dateFormat), card.replaceableOn.toString(dateFormat));
    return state;
}

QVariant CardsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CardView& card = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(card, column);
    case Qt::ToolTipRole:
        if (column == StateColumn)
            return stateToolTip(card);
        if (column == PinColumn && card.pinSet && !card.pinLocked)
            return tr("%n wrong PIN(s) more today lock it.", nullptr, card.pinTriesLeft);
        if (column == PinColumn && card.pinLocked)
            return tr("Three wrong PINs today: locked until the next business day.");
        if (column == AccountColumn && !card.cardAccount.isEmpty() && card.cardAccount != card.account)
            return tr("Settlement account %1, card account %2").arg(card.account, card.cardAccount);
        return display(card, column);
    case CardIdRole:
        return card.id;
    case StateKeyRole:
        return card.state;
    case Qt::ForegroundRole:
        // A card that cannot pay stands out.
        if (column == StateColumn && card.state != u"active" && card.state != u"issued")
            return errorColor();
        if (column == PinColumn && card.pinLocked)
            return errorColor();
        return {};
    default:
        return {};
    }
}

QVariant CardsModel::display(const CardView& card, int column) const
{
    switch (column) {
    case PanColumn: return card.panMasked;
    case ProductColumn: return productText(card);
    case StateColumn: return stateText(card);
    case AccountColumn: return card.account;
    case PinColumn: return pinText(card);
    case OnlineColumn: return onlineText(card);
    case ExpiresColumn: return card.expiresOn.toString(u"MM/yyyy"_s);
    default: return {};
    }
}

QVariant CardsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == PanColumn)
        return tr("The first 6 and last 4 digits; the full number is only on the issuance voucher");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PanColumn: return tr("Card number");
    case ProductColumn: return tr("Product");
    case StateColumn: return tr("State");
    case AccountColumn: return tr("Settlement account");
    case PinColumn: return tr("PIN");
    case OnlineColumn: return tr("Online payment");
    case ExpiresColumn: return tr("Expires");
    default: return {};
    }
}

void CardsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
