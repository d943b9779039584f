#include "eod/eoddialog.h"

#include "services/eodsteps.h"
#include "widgets/formwidgets.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonValue>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

constexpr int StepColumn = 0;
constexpr int StateColumn = 1;
constexpr int DetailColumn = 2;
constexpr int KeyRole = Qt::UserRole + 1;

// "accounts: 1200 · interest: 123.45"
QString detailText(const QJsonObject& detail)
{
    QStringList parts;
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble())
            text = QString::number(value.toInteger());
        else if (value.isBool())
            text = value.toBool() ? u"yes"_s : u"no"_s;
        else
            continue;
        // The state column already says when a step was skipped.
        if (it.key() == u"skipped")
            continue;
        parts.append(it.key() + u": "_s + text);
    }
    return parts.join(u" · "_s);
}

} // namespace

EodDialog::EodDialog(Database db, Session session, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_date(createValueLabel(u"eodDateLabel"_s, this))
    , m_blockersLabel(createErrorLabel(u"eodBlockersLabel"_s, this))
    , m_blockersList(new QListWidget(this))
    , m_stepsLabel(new QLabel(this))
    , m_steps(new QTreeWidget(this))
    , m_progress(new QProgressBar(this))
    , m_message(createMessageLabel(u"eodMessageLabel"_s, this))
    , m_run(createDialogButton(u"eodRunButton"_s, this, true))
    , m_recheck(createDialogButton(u"eodRecheckButton"_s, this, false))
    , m_close(createDialogButton(u"eodCloseButton"_s, this, false))
{
    setObjectName(u"eodDialog"_s);
    setTitleFont(m_date, 1.15);
    m_date->setWordWrap(true);

    m_blockersList->setObjectName(u"eodBlockersList"_s);
    m_blockersList->setFocusPolicy(Qt::NoFocus);
    m_blockersLabel->hide();
    m_blockersList->hide();

    m_steps->setObjectName(u"eodStepsTree"_s);
    m_steps->setColumnCount(3);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->header()->setStretchLastSection(true);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    // The steps in their order, so that the list shows what is still to come.
    for (const QString& key : eod::stepKeys())
        stepItem(key, eod::stepLabel(key));
    m_stepsLabel->setBuddy(m_steps);

    m_progress->setObjectName(u"eodProgressBar"_s);
    m_progress->setRange(0, static_cast<int>(eod::stepKeys().size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m steps"));

    // An action rather than the button's own shortcut, which its text's mnemonic would replace.
    auto* recheck = new QAction(this);
    recheck->setObjectName(u"eodRecheckAction"_s);
    recheck->setShortcut(QKeySequence(Qt::Key_F5));
    connect(recheck, &QAction::triggered, this, &EodDialog::checkBlockers);
    addAction(recheck);
    connect(m_run, &QPushButton::clicked, this, &EodDialog::runEndOfDay);
    connect(m_recheck, &QPushButton::clicked, this, &EodDialog::checkBlockers);
    connect(m_close, &QPushButton::clicked, this, &EodDialog::reject);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_recheck);
    buttons->addStretch(1);
    buttons->addWidget(m_run);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_date);
    layout->addWidget(m_blockersLabel);
    layout->addWidget(m_blockersList);
    layout->addWidget(m_stepsLabel);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    m_call.setBusyWidgets({m_run, m_recheck, m_close});
    setTabChain({m_run, m_recheck, m_close});

    retranslateUi();
    resize(620, 520);
    updateButtons();
    checkBlockers();
}

QTreeWidgetItem* EodDialog::stepItem(const QString& key, const QString& label)
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_steps->topLevelItem(i);
        if (item->data(StepColumn, KeyRole).toString() == key)
            return item;
    }
    // A step this terminal does not know yet still shows.
    auto* item = new QTreeWidgetItem(m_steps);
    item->setData(StepColumn, KeyRole, key);
    item->setText(StepColumn, label);
    return item;
}

void EodDialog::checkBlockers()
{
    if (isBusy() || m_running || m_result)
        return;
    showMessage(tr("Checking whether the day can close…"), false);
    m_call.start(
        u"eodBlockersWorker"_s,
        [db = m_db, session = m_session] { return EndOfDayService(db).blockers(session); },
        Error::internal(u"eod.no_result"_s, tr("What keeps the day open could not be read.")),
        [this](Result<QList<EodBlocker>> outcome) { showBlockers(std::move(outcome)); });
    updateButtons();
}

void EodDialog::showBlockers(Result<QList<EodBlocker>> outcome)
{
    if (!outcome) {
        m_blockersKnown = false;
        showMessage(outcome.error().message, true);
        updateButtons();
        return;
    }
    m_blockers = std::move(*outcome);
    m_blockersKnown = true;
    m_blockersList->clear();
    for (const EodBlocker& blocker : std::as_const(m_blockers))
        m_blockersList->addItem(blocker.description);
    const bool blocked = !m_blockers.isEmpty();
    m_blockersLabel->setVisible(blocked);
    m_blockersList->setVisible(blocked);
    // As high as the list, up to five lines (it scrolls beyond).
    const int lines = std::clamp(static_cast<int>(m_blockers.size()), 1, 5);
    m_blockersList->setFixedHeight(lines * m_blockersList->sizeHintForRow(0) + 2 * m_blockersList->frameWidth() + 4);
    if (blocked)
        showMessage(tr("End of day cannot start until these are closed or decided. F5 checks again."), true);
    else
        showMessage(tr("Nothing keeps the day open. Enter runs the end of day."), false);
    updateButtons();
    if (!blocked)
        m_run->setFocus(Qt::OtherFocusReason);
}

void EodDialog::runEndOfDay()
{
    if (isBusy() || m_running || m_result || !m_blockersKnown || !m_blockers.isEmpty())
        return;
    m_running = true;
    m_stepsDone = 0;
    m_progress->setValue(0);
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        m_steps->topLevelItem(i)->setText(StateColumn, tr("waiting"));
        m_steps->topLevelItem(i)->setText(DetailColumn, QString());
        m_steps->topLevelItem(i)->setIcon(StateColumn, QIcon());
    }
    showMessage(tr("Closing the business day %1…").arg(m_session.businessDate.toString(Qt::ISODate)), false);
    // The service reports each step on the worker thread; the dialog shows it on its own.
    const QPointer<EodDialog> self(this);
    const auto progress = [self](const EodStep& step) {
        QMetaObject::invokeMethod(
            qApp,
            [self, step] {
                if (self)
                    self->stepDone(step);
            },
            Qt::QueuedConnection);
    };
    m_call.start(
        u"eodWorker"_s,
        [db = m_db, session = m_session, progress] { return EndOfDayService(db).run(session, progress); },
        Error::internal(u"eod.no_result"_s, tr("The end of day did not report how it ended.")),
        [this](Result<EodResult> outcome) { finished(std::move(outcome)); });
    updateButtons();
}

void EodDialog::stepDone(const EodStep& step)
{
    QTreeWidgetItem* item = stepItem(step.key, step.label);
    if (!step.label.isEmpty())
        item->setText(StepColumn, step.label);
    QString state;
    if (step.state == u"done")
        state = tr("done");
    else if (step.state == u"done_before")
        state = tr("done in an earlier run");
    else if (step.state == u"skipped")
        state = tr("skipped");
    else
        state = step.state;
    item->setText(StateColumn, state);
    item->setIcon(StateColumn, style()->standardIcon(step.state == u"skipped" ? QStyle::SP_DialogNoButton
                                                                                : QStyle::SP_DialogApplyButton));
    item->setText(DetailColumn, detailText(step.detail));
    m_steps->scrollToItem(item);
    ++m_stepsDone;
    m_progress->setMaximum(m_steps->topLevelItemCount());
    m_progress->setValue(m_stepsDone);
}

void EodDialog::finished(Result<EodResult> outcome)
{
    m_running = false;
    if (!outcome) {
        showMessage(tr("End of day stopped: %1").arg(outcome.error().message), true);
        updateButtons();
        // Something may have been opened meanwhile; the list says what.
        if (outcome.error().code == u"eod.blocked")
            checkBlockers();
        return;
    }
    m_result = std::move(*outcome);
    // Every step reported, also those an interrupted run had done.
    for (const EodStep& step : std::as_const(m_result->steps)) {
        QTreeWidgetItem* item = stepItem(step.key, step.label);
        if (item->text(StateColumn) == tr("waiting") || item->text(StateColumn).isEmpty())
            stepDone(step);
    }
    m_progress->setValue(m_progress->maximum());
    QString text = tr("The business day %1 is closed. The new business date is %2.")
                       .arg(m_result->closedDate.toString(Qt::ISODate), m_result->businessDate.toString(Qt::ISODate));
    if (m_result->resumed)
        text += u' ' + tr("An interrupted run of this day was finished; nothing was done twice.");
    showMessage(text, false);
    m_date->setText(tr("Business date: %1").arg(m_result->businessDate.toString(Qt::ISODate)));
    updateButtons();
    m_close->setFocus(Qt::OtherFocusReason);
    emit dayClosed(m_result->businessDate);
}

void EodDialog::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

QString EodDialog::messageText() const
{
    return m_message->text();
}

void EodDialog::updateButtons()
{
    const bool idle = !isBusy() && !m_running;
    m_run->setEnabled(idle && !m_result && m_blockersKnown && m_blockers.isEmpty());
    m_recheck->setEnabled(idle && !m_result);
    m_close->setEnabled(idle);
    // Enter runs while the day may close; afterwards it closes the dialog.
    m_run->setDefault(!m_result);
    m_close->setDefault(m_result.has_value());
}

void EodDialog::reject()
{
    // A run cannot be stopped half way: the dialog stays until it ends.
    if (m_running || isBusy())
        return;
    QDialog::reject();
}

void EodDialog::closeEvent(QCloseEvent* event)
{
    if (m_running || isBusy()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void EodDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void EodDialog::retranslateUi()
{
    setWindowTitle(tr("End of day — %1 %2").arg(m_session.branchCode, m_session.branchName));
    if (!m_result) {
        m_date->setText(tr("Business date: %1. Closing it moves the branch to its next business day.")
                            .arg(m_session.businessDate.toString(Qt::ISODate)));
    }
    m_blockersLabel->setText(tr("The day cannot close while these are open:"));
    m_stepsLabel->setText(tr("Steps:"));
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("Details")});
    m_run->setText(tr("&Run end of day"));
    m_recheck->setText(tr("Check &again (F5)"));
    m_close->setText(tr("&Close"));
    m_blockersList->setAccessibleName(m_blockersLabel->text());
}

} // namespace cs::ui
