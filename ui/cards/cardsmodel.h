#pragma once

#include "services/cardservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// A customer's cards (CardService::listForCustomer) as a table: the masked number, product, state
// (translated, the loss report's dates in its tooltip), settlement account, PIN (not set, set, locked
// today), online payment (off, or the method and daily limit) and expiry. Never a full number.
// CardIdRole holds the card's id, StateKeyRole its state key.
class CardsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PanColumn, ProductColumn, StateColumn, AccountColumn, PinColumn, OnlineColumn, ExpiresColumn, ColumnCount };
    static constexpr int CardIdRole = Qt::UserRole + 1;
    static constexpr int StateKeyRole = Qt::UserRole + 2;

    explicit CardsModel(QObject* parent = nullptr);

    void setCards(QList<CardView> cards);
    void clear() { setCards({}); }
    const CardView& cardAt(int row) const { return m_rows.at(row); }
    int rowOfCard(qint64 cardId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

    // Translated texts of a card's state, product, PIN and online payment, as the table shows them.
    static QString stateText(const CardView& card);
    static QString productText(const CardView& card);
    static QString pinText(const CardView& card);
    static QString onlineText(const CardView& card);

private:
    QVariant display(const CardView& card, int column) const;
    QString stateToolTip(const CardView& card) const;

    QList<CardView> m_rows;
};

} // namespace cs::ui
