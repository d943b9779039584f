#include "notify/subscriptionsmodel.h"

#include "notify/noticenames.h"

#include <QBrush>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cs::ui {

SubscriptionsModel::SubscriptionsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SubscriptionsModel::setSubscriptions(QList<NoticeSubscription> subscriptions)
{
    beginResetModel();
    m_rows = std::move(subscriptions);
    endResetModel();
}

int SubscriptionsModel::rowOfAccount(const QString& accountNumber) const
{
    int newest = -1;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const NoticeSubscription& s = m_rows.at(row);
        if (s.accountNumber != accountNumber)
            continue;
        if (s.state == u"active")
            return static_cast<int>(row);
        if (newest < 0)
            newest = static_cast<int>(row);
    }
    return newest;
}

int SubscriptionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SubscriptionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriptionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoticeSubscription& subscription = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return display(subscription, index.column());
    case AccountRole:
        return subscription.accountNumber;
    case StateKeyRole:
        return subscription.state;
    case Qt::ForegroundRole:
        // A cancelled subscription is history: it stays listed, out of the way.
        if (subscription.state != u"active")
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    default:
        return {};
    }
}

QVariant SubscriptionsModel::display(const NoticeSubscription& subscription, int column) const
{
    switch (column) {
    case AccountColumn: return subscription.accountNumber;
    case PhoneColumn: return subscription.phone;
    case KindsColumn: return subscriptionKindsText(subscription);
    case LanguageColumn: return noticeLanguageName(subscription.language);
    case FeeColumn: return subscriptionFeeText(subscription);
    case StateColumn:
        if (subscription.state == u"cancelled" && subscription.cancelledOn.isValid())
            return tr("%1 on %2").arg(subscriptionStateName(subscription.state),
                                      subscription.cancelledOn.toString(u"yyyy-MM-dd"_s));
        return subscriptionStateName(subscription.state);
    default: return {};
    }
}

QVariant SubscriptionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AccountColumn: return tr("Account");
    case PhoneColumn: return tr("Mobile phone");
    case KindsColumn: return tr("Notices");
    case LanguageColumn: return tr("Language");
    case FeeColumn: return tr("Fee plan");
    case StateColumn: return tr("State");
    default: return {};
    }
}

void SubscriptionsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
