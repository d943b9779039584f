#include "admin/settingsmodel.h"

#include "admin/requestid.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "widgets/formwidgets.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace cs::ui {

SettingsModel::SettingsModel(Database db, Session session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
}

Status SettingsModel::reload(bool keepPending)
{
    auto listed = SettingsService(m_db).list(m_session);
    if (!listed)
        return fail(listed.error());
    QList<Row> rows;
    rows.reserve(listed->size());
    for (SettingValue& setting : *listed) {
        Row row;
        row.setting = std::move(setting);
        if (keepPending) {
            const int old = rowOfKey(row.setting.definition.key);
            if (old >= 0 && m_rows.at(old).pending && *m_rows.at(old).pending != row.setting.value) {
                row.pending = m_rows.at(old).pending;
                row.error = m_rows.at(old).error;
                row.requestId = m_rows.at(old).requestId;
            }
        }
        rows.append(std::move(row));
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit changesChanged();
    return {};
}

int SettingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SettingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags SettingsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ValueColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant SettingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const SettingValue& setting = row.setting;
    const QString value = row.pending.value_or(setting.value);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SettingColumn: return setting.label;
        case ValueColumn: return displayValue(setting.definition, value);
        case DescriptionColumn: return setting.description;
        case ChangedByColumn: return setting.updatedBy;
        case ChangedAtColumn:
            return setting.updatedAt.isValid() ? setting.updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm")
                                               : QString();
        default: return {};
        }
    case Qt::EditRole:
        return index.column() == ValueColumn ? QVariant(value) : data(index, Qt::DisplayRole);
    case RawValueRole:
        switch (index.column()) {
        case SettingColumn: return setting.definition.key;
        case ValueColumn: return value;
        case DescriptionColumn: return setting.description;
        case ChangedByColumn: return setting.updatedBy;
        case ChangedAtColumn: return setting.updatedAt;
        default: return {};
        }
    case KeyRole:
        return setting.definition.key;
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn)
            return row.error.isEmpty() ? rangeText(setting.definition) : row.error;
        if (index.column() == DescriptionColumn || index.column() == SettingColumn)
            return setting.description;
        return {};
    case Qt::FontRole:
        if (row.pending && index.column() <= ValueColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (!row.error.isEmpty())
            return QColor(0xfb, 0xe3, 0xe1);
        if (row.pending)
            return QColor(0xff, 0xf4, 0xc2);
        return {};
    case Qt::ForegroundRole:
        if (!row.error.isEmpty() && index.column() == ValueColumn)
            return errorColor();
        if (row.pending)
            return QColor(Qt::black);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

bool SettingsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != ValueColumn || role != Qt::EditRole)
        return false;
    Row& row = m_rows[index.row()];
    const QString text = value.toString().trimmed();
    if (text == row.pending.value_or(row.setting.value))
        return true;
    if (text == row.setting.value) {
        row.pending.reset();
        row.requestId.clear();
    } else {
        row.pending = text;
        row.requestId = newRequestId();
    }
    row.error.clear();
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit changesChanged();
    return true;
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SettingColumn: return tr("Setting");
    case ValueColumn: return tr("Value");
    case DescriptionColumn: return tr("Description");
    case ChangedByColumn: return tr("Changed by");
    case ChangedAtColumn: return tr("Changed at");
    default: return {};
    }
}

int SettingsModel::rowOfKey(const QString& key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).setting.definition.key == key)
            return static_cast<int>(i);
    }
    return -1;
}

QList<int> SettingsModel::changedRows() const
{
    QList<int> rows;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).pending)
            rows.append(static_cast<int>(i));
    }
    return rows;
}

void SettingsModel::setError(int row, const Error& error)
{
    Row& r = m_rows[row];
    r.error = error.message;
    if (needsNewRequestId(error))
        r.requestId = newRequestId();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SettingsModel::retranslate()
{
    // Labels and descriptions come translated from the service: fetch them again, keeping what was typed.
    if (!reload(true)) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString SettingsModel::displayValue(const SettingDefinition& definition, const QString& value)
{
    switch (definition.kind) {
    case SettingDefinition::Kind::Money:
        if (const auto money = parseYuan(value))
            return formatAmount(*money);
        return value;
    case SettingDefinition::Kind::Minutes: {
        bool ok = false;
        const int minutes = value.toInt(&ok);
        return ok ? tr("%n min", nullptr, minutes) : value;
    }
    case SettingDefinition::Kind::Days: {
        bool ok = false;
        const int days = value.toInt(&ok);
        return ok ? tr("%n day(s)", nullptr, days) : value;
    }
    case SettingDefinition::Kind::Count:
    case SettingDefinition::Kind::TimeOfDay: return value;
    }
    return value;
}

QString SettingsModel::rangeText(const SettingDefinition& definition)
{
    if (definition.min >= definition.max)
        return {};
    switch (definition.kind) {
    case SettingDefinition::Kind::Money:
        return tr("Allowed: %1 to %2 yuan.")
            .arg(formatAmount(Money(definition.min, Currency::cny())), formatAmount(Money(definition.max, Currency::cny())));
    case SettingDefinition::Kind::Minutes:
    case SettingDefinition::Kind::Days:
    case SettingDefinition::Kind::Count:
        return tr("Allowed: %1 to %2.").arg(definition.min).arg(definition.max);
    case SettingDefinition::Kind::TimeOfDay: return {};
    }
    return {};
}

std::optional<Money> SettingsModel::parseYuan(const QString& text)
{
    auto parsed = parseAmount(text, Currency::cny());
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

} // namespace cs::ui
