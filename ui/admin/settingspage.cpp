#include "admin/settingspage.h"

#include "money/amountformat.h"
#include "money/amountparser.h"
#include "services/settingsservice.h"

#include <QAbstractTableModel>
#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimeEdit>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString timeFormat()
{
    return u"HH:mm"_s;
}

QColor errorColor()
{
    return QColor(0xb3, 0x26, 0x1e);
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int clampToInt(qint64 value)
{
    return static_cast<int>(std::clamp<qint64>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

std::optional<Money> parseYuan(const QString& text)
{
    auto parsed = parseAmount(text, Currency::cny());
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

} // namespace

// The settings as rows, each with the value as stored and the value typed but not yet saved.
class SettingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Row {
        SettingValue setting;
        std::optional<QString> pending; // typed, not saved
        QString error;                  // the service's refusal of `pending`
        QString requestId;              // of the change `pending`, made when it was typed
    };

    SettingsModel(Database db, Session session, QObject* parent)
        : QAbstractTableModel(parent)
        , m_db(std::move(db))
        , m_session(std::move(session))
    {
    }

    // Fetches the settings again. With keepPending the unsaved values (and their refusals) of settings
    // that still exist stay; otherwise they are forgotten.
    Status reload(bool keepPending)
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

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : SettingsPage::ColumnCount;
    }

    Qt::ItemFlags flags(const QModelIndex& index) const override
    {
        Qt::ItemFlags flags = QAbstractTableModel::flags(index);
        if (index.isValid() && index.column() == SettingsPage::ValueColumn)
            flags |= Qt::ItemIsEditable;
        return flags;
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row& row = m_rows.at(index.row());
        const SettingValue& setting = row.setting;
        const QString value = row.pending.value_or(setting.value);
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case SettingsPage::SettingColumn: return setting.label;
            case SettingsPage::ValueColumn: return displayValue(setting.definition, value);
            case SettingsPage::DescriptionColumn: return setting.description;
            case SettingsPage::ChangedByColumn: return setting.updatedBy;
            case SettingsPage::ChangedAtColumn:
                return setting.updatedAt.isValid() ? setting.updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm")
                                                   : QString();
            default: return {};
            }
        case Qt::EditRole:
            return index.column() == SettingsPage::ValueColumn ? QVariant(value) : data(index, Qt::DisplayRole);
        case SettingsPage::RawValueRole:
            switch (index.column()) {
            case SettingsPage::SettingColumn: return setting.definition.key;
            case SettingsPage::ValueColumn: return value;
            case SettingsPage::DescriptionColumn: return setting.description;
            case SettingsPage::ChangedByColumn: return setting.updatedBy;
            case SettingsPage::ChangedAtColumn: return setting.updatedAt;
            default: return {};
            }
        case SettingsPage::KeyRole:
            return setting.definition.key;
        case Qt::ToolTipRole:
            if (index.column() == SettingsPage::ValueColumn)
                return row.error.isEmpty() ? rangeText(setting.definition) : row.error;
            if (index.column() == SettingsPage::DescriptionColumn || index.column() == SettingsPage::SettingColumn)
                return setting.description;
            return {};
        case Qt::FontRole:
            if (row.pending && index.column() <= SettingsPage::ValueColumn) {
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
            if (!row.error.isEmpty() && index.column() == SettingsPage::ValueColumn)
                return errorColor();
            if (row.pending)
                return QColor(Qt::black);
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == SettingsPage::ValueColumn)
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        default:
            return {};
        }
    }

    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
            || index.column() != SettingsPage::ValueColumn || role != Qt::EditRole)
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
        emit dataChanged(this->index(index.row(), 0), this->index(index.row(), SettingsPage::ColumnCount - 1));
        emit changesChanged();
        return true;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case SettingsPage::SettingColumn: return tr("Setting");
        case SettingsPage::ValueColumn: return tr("Value");
        case SettingsPage::DescriptionColumn: return tr("Description");
        case SettingsPage::ChangedByColumn: return tr("Changed by");
        case SettingsPage::ChangedAtColumn: return tr("Changed at");
        default: return {};
        }
    }

    const Row& rowAt(int row) const { return m_rows.at(row); }

    int rowOfKey(const QString& key) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).setting.definition.key == key)
                return static_cast<int>(i);
        }
        return -1;
    }

    QList<int> changedRows() const
    {
        QList<int> rows;
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).pending)
                rows.append(static_cast<int>(i));
        }
        return rows;
    }

    // Marks the unsaved value of `row` as refused. A refused request changed nothing, so the next
    // attempt gets a request id of its own; one whose outcome is unknown is retried under the same id.
    void setError(int row, const Error& error)
    {
        Row& r = m_rows[row];
        r.error = error.message;
        if (error.kind == ErrorKind::Invalid || error.kind == ErrorKind::Refused || error.kind == ErrorKind::NotFound)
            r.requestId = newRequestId();
        emit dataChanged(index(row, 0), index(row, SettingsPage::ColumnCount - 1));
    }

    void retranslate()
    {
        // Labels and descriptions come translated from the service: fetch them again, keeping what was typed.
        if (!reload(true)) {
            emit headerDataChanged(Qt::Horizontal, 0, SettingsPage::ColumnCount - 1);
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, 0), index(rowCount() - 1, SettingsPage::ColumnCount - 1));
        }
    }

    // The value as shown in the table: amounts grouped ("50,000.00"), minutes and days with their unit,
    // a time of day and a count as they are.
    static QString displayValue(const SettingDefinition& definition, const QString& value)
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

    // "Allowed: 0.00 to 1,000,000.00 yuan.", or empty when the setting has no range to show.
    static QString rangeText(const SettingDefinition& definition)
    {
        if (definition.min >= definition.max)
            return {};
        switch (definition.kind) {
        case SettingDefinition::Kind::Money:
            return tr("Allowed: %1 to %2 yuan.")
                .arg(formatAmount(Money(definition.min, Currency::cny())),
                     formatAmount(Money(definition.max, Currency::cny())));
        case SettingDefinition::Kind::Minutes:
        case SettingDefinition::Kind::Days:
        case SettingDefinition::Kind::Count:
            return tr("Allowed: %1 to %2.").arg(definition.min).arg(definition.max);
        case SettingDefinition::Kind::TimeOfDay: return {};
        }
        return {};
    }

signals:
    void changesChanged();

private:
    Database m_db;
    Session m_session;
    QList<Row> m_rows;
};

// The editor of a value, by the kind of its setting.
class SettingsDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit SettingsDelegate(QObject* parent)
        : QStyledItemDelegate(parent)
    {
    }

    // Called with the text of an amount editor as it is typed (for the capitals beside the table).
    std::function<void(const QString&)> onAmountTyped;
    // Called when an editor opens: what it holds can be saved before it is closed.
    std::function<void()> onEditorOpened;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const auto* model = qobject_cast<const SettingsModel*>(index.model());
        if (!model || index.column() != SettingsPage::ValueColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        const SettingDefinition& definition = model->rowAt(index.row()).setting.definition;
        QWidget* editor = nullptr;
        switch (definition.kind) {
        case SettingDefinition::Kind::Money: {
            auto* edit = new QLineEdit(parent);
            edit->setMaxLength(32);
            edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
            edit->setToolTip(SettingsModel::rangeText(definition));
            if (onAmountTyped)
                connect(edit, &QLineEdit::textEdited, edit, [callback = onAmountTyped](const QString& text) { callback(text); });
            editor = edit;
            break;
        }
        case SettingDefinition::Kind::Count:
        case SettingDefinition::Kind::Minutes:
        case SettingDefinition::Kind::Days: {
            auto* spin = new QSpinBox(parent);
            spin->setRange(clampToInt(definition.min), clampToInt(std::max(definition.min, definition.max)));
            spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            spin->setAccelerated(true);
            editor = spin;
            break;
        }
        case SettingDefinition::Kind::TimeOfDay: {
            auto* time = new QTimeEdit(parent);
            time->setDisplayFormat(timeFormat());
            time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            editor = time;
            break;
        }
        }
        editor->setObjectName(u"settingValueEditor"_s);
        editor->setAutoFillBackground(true);
        m_openEditor = editor;
        if (onEditorOpened)
            onEditorOpened();
        return editor;
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        const QString value = index.data(Qt::EditRole).toString();
        if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
            edit->setText(value);
            edit->selectAll();
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(value.toInt());
            spin->selectAll();
        } else if (auto* time = qobject_cast<QTimeEdit*>(editor)) {
            time->setTime(QTime::fromString(value, timeFormat()));
        } else {
            QStyledItemDelegate::setEditorData(editor, index);
        }
    }

    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
            model->setData(index, edit->text());
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->interpretText();
            model->setData(index, QString::number(spin->value()));
        } else if (auto* time = qobject_cast<QTimeEdit*>(editor)) {
            model->setData(index, time->time().toString(timeFormat()));
        } else {
            QStyledItemDelegate::setModelData(editor, model, index);
        }
    }

    // Takes what the open editor holds into the model and closes it (Save while still typing).
    void commitOpenEditor()
    {
        if (QWidget* editor = m_openEditor.data()) {
            emit commitData(editor);
            emit closeEditor(editor, QAbstractItemDelegate::NoHint);
        }
    }

private:
    mutable QPointer<QWidget> m_openEditor;
};

SettingsPage::SettingsPage(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_model(new SettingsModel(m_db, m_session, this))
    , m_delegate(new SettingsDelegate(this))
    , m_view(new QTableView(this))
    , m_details(new QLabel(this))
    , m_capitals(new QLabel(this))
    , m_message(new QLabel(this))
    , m_saveAction(new QAction(this))
    , m_revertAction(new QAction(this))
    , m_saveButton(new QPushButton(this))
    , m_revertButton(new QPushButton(this))
{
    setObjectName(u"settingsPage"_s);
    m_model->setObjectName(u"settingsModel"_s);

    m_view->setObjectName(u"settingsTable"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ValueColumn, m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);

    m_details->setObjectName(u"settingDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_capitals->setObjectName(u"settingCapitals"_s);
    m_capitals->setTextFormat(Qt::PlainText);
    m_capitals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_saveAction->setObjectName(u"saveSettingsAction"_s);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_revertAction->setObjectName(u"revertSettingsAction"_s);
    m_revertAction->setShortcut(QKeySequence(Qt::Key_F5));
    for (QAction* action : {m_saveAction, m_revertAction}) {
        // Wherever the focus is in the window, as long as the page is shown.
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_saveAction, &QAction::triggered, this, &SettingsPage::save);
    connect(m_revertAction, &QAction::triggered, this, &SettingsPage::revert);

    const auto bind = [](QPushButton* button, QAction* action, const QString& name) {
        button->setObjectName(name);
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::TabFocus);
        const auto sync = [button, action] {
            button->setText(action->text());
            button->setToolTip(action->toolTip());
            button->setEnabled(action->isEnabled());
        };
        connect(action, &QAction::changed, button, sync);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
    };
    bind(m_saveButton, m_saveAction, u"saveSettingsButton"_s);
    bind(m_revertButton, m_revertAction, u"revertSettingsButton"_s);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_capitals);
    layout->addWidget(m_message);

    m_delegate->onAmountTyped = [this](const QString& text) {
        showCapitals(text);
    };

    m_delegate->onEditorOpened = [this] { m_saveAction->setEnabled(true); };
    connect(m_delegate, &QAbstractItemDelegate::closeEditor, this, &SettingsPage::updateActions);
    connect(m_model, &SettingsModel::changesChanged, this, &SettingsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SettingsPage::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SettingsPage::updateDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                // The cursor stays in the value column, so F2 or typing edits the value of the row.
                if (current.isValid() && current.column() != ValueColumn) {
                    m_view->selectionModel()->setCurrentIndex(current.siblingAtColumn(ValueColumn),
                                                              QItemSelectionModel::ClearAndSelect
                                                                  | QItemSelectionModel::Rows);
                    return;
                }
                updateDetails();
            });

    retranslateUi();
    if (const Status loaded = m_model->reload(false); !loaded)
        showMessage(loaded.error().message, true);
    if (m_model->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(0, ValueColumn),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

SettingsPage::~SettingsPage() = default;

QAbstractItemModel* SettingsPage::model() const
{
    return m_model;
}

int SettingsPage::rowOfSetting(const QString& key) const
{
    return m_model->rowOfKey(key);
}

bool SettingsPage::hasUnsavedChanges() const
{
    return !m_model->changedRows().isEmpty();
}

QString SettingsPage::messageText() const
{
    return m_message->text();
}

void SettingsPage::save()
{
    m_delegate->commitOpenEditor();
    const QList<int> rows = m_model->changedRows();
    if (rows.isEmpty()) {
        showMessage(tr("Nothing to save."), false);
        return;
    }
    const QString currentKey = m_view->currentIndex().data(KeyRole).toString();

    QStringList saved;
    QList<std::pair<QString, Error>> refused; // key, refusal
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const SettingsService service(m_db);
    for (const int row : rows) {
        const auto& r = m_model->rowAt(row);
        const Status done = service.set(m_session, r.setting.definition.key, *r.pending, r.requestId);
        if (done)
            saved.append(r.setting.label);
        else
            refused.append({r.setting.definition.key, done.error()});
    }
    QApplication::restoreOverrideCursor();

    // The saved values come back from the service (who changed them and when); refused ones stay typed.
    const Status loaded = m_model->reload(true);
    QStringList lines;
    for (const auto& [key, error] : std::as_const(refused)) {
        // The service's message names the setting.
        if (const int row = m_model->rowOfKey(key); row >= 0)
            m_model->setError(row, error);
        lines.append(error.message);
    }
    if (!saved.isEmpty())
        lines.prepend(tr("Saved: %1.").arg(saved.join(tr(", "))));
    if (!loaded)
        lines.append(loaded.error().message);
    showMessage(lines.join(u'\n'), !refused.isEmpty() || !loaded);

    int select = currentKey.isEmpty() ? -1 : m_model->rowOfKey(currentKey);
    if (!refused.isEmpty())
        select = m_model->rowOfKey(refused.first().first);
    if (select >= 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(select, ValueColumn),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void SettingsPage::revert()
{
    m_delegate->commitOpenEditor();
    const QString currentKey = m_view->currentIndex().data(KeyRole).toString();
    const Status loaded = m_model->reload(false);
    showMessage(loaded ? QString() : loaded.error().message, !loaded);
    if (const int row = m_model->rowOfKey(currentKey); row >= 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, ValueColumn),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

void SettingsPage::updateActions()
{
    m_saveAction->setEnabled(hasUnsavedChanges());
}

void SettingsPage::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        m_capitals->clear();
        return;
    }
    const auto& row = m_model->rowAt(current.row());
    const SettingDefinition& definition = row.setting.definition;
    QString text = row.setting.label + u" ("_s + definition.key + u")\n"_s + row.setting.description;
    if (const QString range = SettingsModel::rangeText(definition); !range.isEmpty())
        text += u' ' + range;
    m_details->setText(text);

    showCapitals(definition.kind == SettingDefinition::Kind::Money ? row.pending.value_or(row.setting.value) : QString());
}

void SettingsPage::showCapitals(const QString& typed)
{
    // The amount in Chinese capital numerals, as on a voucher; nothing while the text is no amount.
    QString capitals;
    if (const auto money = parseYuan(typed)) {
        if (const auto written = chineseCapitals(*money))
            capitals = tr("In capitals: %1").arg(*written);
    }
    m_capitals->setText(capitals);
}

void SettingsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor());
    m_message->setPalette(palette);
}

void SettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_saveAction->setText(tr("Save"));
    m_saveAction->setToolTip(tr("Save the changed settings (%1)").arg(m_saveAction->shortcut().toString(QKeySequence::NativeText)));
    m_revertAction->setText(tr("Revert"));
    m_revertAction->setToolTip(tr("Forget unsaved changes and fetch the settings again (%1)")
                                   .arg(m_revertAction->shortcut().toString(QKeySequence::NativeText)));
    m_view->setAccessibleName(tr("Settings"));
    if (m_model->rowCount() > 0)
        m_model->retranslate();
}

} // namespace cs::ui

#include "settingspage.moc"
