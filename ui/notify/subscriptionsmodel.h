#pragma once

#include "services/noticeservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// A customer's SMS notice subscriptions (NoticeService::subscriptionsOfCustomer, active and cancelled,
// newest first) as a table: account, phone, what is sent, language, fee plan and state. A cancelled
// subscription is greyed. AccountRole holds the account number, StateKeyRole the state key.
class SubscriptionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AccountColumn, PhoneColumn, KindsColumn, LanguageColumn, FeeColumn, StateColumn, ColumnCount };
    static constexpr int AccountRole = Qt::UserRole + 1;
    static constexpr int StateKeyRole = Qt::UserRole + 2;

    explicit SubscriptionsModel(QObject* parent = nullptr);

    void setSubscriptions(QList<NoticeSubscription> subscriptions);
    void clear() { setSubscriptions({}); }
    const NoticeSubscription& subscriptionAt(int row) const { return m_rows.at(row); }
    const QList<NoticeSubscription>& subscriptions() const { return m_rows; }
    // The row of the account's active subscription, else of its newest one, else -1.
    int rowOfAccount(const QString& accountNumber) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    QVariant display(const NoticeSubscription& subscription, int column) const;

    QList<NoticeSubscription> m_rows;
};

} // namespace cs::ui
