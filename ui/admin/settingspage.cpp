#include "admin/settingspage.h"

#include "admin/settingsdelegate.h"
#include "admin/settingsmodel.h"
#include "money/amountformat.h"
#include "services/settingsservice.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

SettingsPage::SettingsPage(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_model(new SettingsModel(m_db, m_session, this))
    , m_delegate(new SettingsDelegate(this))
    , m_view(new QTableView(this))
    , m_details(new QLabel(this))
    , m_capitals(new QLabel(this))
    , m_message(createMessageLabel(u"settingsMessage"_s, this))
{
    setObjectName(u"settingsPage"_s);
    m_model->setObjectName(u"settingsModel"_s);

    m_view->setObjectName(u"settingsTable"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ValueColumn, m_delegate);
    setUpRecordTable(m_view, DescriptionColumn);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setTextElideMode(Qt::ElideRight);

    m_details->setObjectName(u"settingDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_capitals->setObjectName(u"settingCapitals"_s);
    m_capitals->setTextFormat(Qt::PlainText);
    m_capitals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_saveAction = createPageAction(this, u"saveSettingsAction"_s, QKeySequence::Save);
    m_revertAction = createPageAction(this, u"revertSettingsAction"_s, QKeySequence(Qt::Key_F5));
    connect(m_saveAction, &QAction::triggered, this, &SettingsPage::save);
    connect(m_revertAction, &QAction::triggered, this, &SettingsPage::revert);
    m_saveButton = createActionButton(m_saveAction, u"saveSettingsButton"_s, this);
    m_revertButton = createActionButton(m_revertAction, u"revertSettingsButton"_s, this);

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
        setMessage(m_message, loaded.error().message, true);
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
        setMessage(m_message, tr("Nothing to save."), false);
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
    setMessage(m_message, lines.join(u'\n'), !refused.isEmpty() || !loaded);

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
    setMessage(m_message, loaded ? QString() : loaded.error().message, !loaded);
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
    if (const auto money = SettingsModel::parseYuan(typed)) {
        if (const auto written = chineseCapitals(*money))
            capitals = tr("In capitals: %1").arg(*written);
    }
    m_capitals->setText(capitals);
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
