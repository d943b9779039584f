#include "notify/outboxpanel.h"

#include "admin/requestid.h"
#include "notify/attemptsmodel.h"
#include "notify/noticenames.h"
#include "notify/outboxmodel.h"
#include "notify/terminalgatewaysecret.h"
#include "services/noticeservice.h"
#include "widgets/formwidgets.h"
#include "widgets/pageaction.h"
#include "widgets/recordtable.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

OutboxPanel::OutboxPanel(Database db, Session session, PermittedActions permitted, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_permitted(std::move(permitted))
    , m_secret(std::make_unique<TerminalGatewaySecret>(m_db))
    , m_model(new OutboxModel(m_db, m_session, this))
    , m_attempts(new AttemptsModel(this))
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_countsLabel(createValueLabel(u"outboxCountsLabel"_s, this))
    , m_view(new QTableView(this))
    , m_details(createMessageLabel(u"noticeDetails"_s, this))
    , m_attemptsView(new QTableView(this))
    , m_message(createMessageLabel(u"outboxMessage"_s, this))
{
    setObjectName(u"outboxPanel"_s);
    m_model->setObjectName(u"outboxModel"_s);

    m_state->setObjectName(u"outboxStateCombo"_s);
    m_state->addItem(QString(), QString());
    for (const QString& state : outboxStates())
        m_state->addItem(QString(), state);
    m_stateLabel->setBuddy(m_state);

    m_view->setObjectName(u"outboxTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, OutboxModel::TextColumn);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setTextElideMode(Qt::ElideRight);
    // The error and the text can be long: they get a share of the width, not all they ask for.
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::ErrorColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(OutboxModel::ErrorColumn, m_view->fontMetrics().horizontalAdvance(u'x') * 24);

    m_attemptsView->setObjectName(u"attemptsTable"_s);
    m_attemptsView->setModel(m_attempts);
    setUpRecordTable(m_attemptsView, AttemptsModel::ErrorColumn);
    m_attemptsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setWordWrap(true);

    m_refreshAction = createAction(u"refreshOutboxAction"_s, QKeySequence(Qt::Key_F5), &OutboxPanel::refresh);
    m_retryAction = createAction(u"retryNoticeAction"_s, QKeySequence(Qt::CTRL | Qt::Key_R), &OutboxPanel::retry);
    m_sendAction = createAction(u"sendNowAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &OutboxPanel::sendNow);
    m_view->addActions({m_retryAction, m_sendAction, m_refreshAction});

    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_stateLabel);
    top->addWidget(m_state);
    top->addSpacing(12);
    top->addWidget(m_countsLabel, 1);
    QPushButton* retryButton = createActionButton(m_retryAction, u"retryNoticeButton"_s, this);
    QPushButton* sendButton = createActionButton(m_sendAction, u"sendNowButton"_s, this);
    retryButton->setVisible(m_permitted.allows(u"notice.manage"_s));
    sendButton->setVisible(m_permitted.allows(u"notice.send"_s));
    top->addWidget(retryButton);
    top->addWidget(sendButton);
    top->addWidget(createActionButton(m_refreshAction, u"refreshOutboxButton"_s, this));

    auto* selected = new QWidget(this);
    auto* selectedLayout = new QVBoxLayout(selected);
    selectedLayout->setContentsMargins(0, 4, 0, 0);
    selectedLayout->setSpacing(4);
    selectedLayout->addWidget(m_details);
    selectedLayout->addWidget(m_attemptsView, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"outboxSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(selected);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    setTabChain({m_state, m_view, m_attemptsView});

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setStateFilter(m_state->currentData().toString());
        load(selectedNoticeId());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxPanel::noticeChanged);
    connect(m_model, &OutboxModel::readFailed, this, [this](const QString& text) { showMessage(text, true); });

    retranslateUi();
    refresh();
}

OutboxPanel::~OutboxPanel() = default;

QAction* OutboxPanel::createAction(const QString& name, const QKeySequence& shortcut, void (OutboxPanel::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

qint64 OutboxPanel::selectedNoticeId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->entryAt(current.row()).id : 0;
}

bool OutboxPanel::selectNotice(qint64 noticeId)
{
    int row = m_model->rowOfNotice(noticeId);
    // An older notice may lie beyond the pages read so far.
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOfNotice(noticeId);
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, OutboxModel::IdColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void OutboxPanel::setStateFilter(const QString& state)
{
    if (const int index = m_state->findData(state); index >= 0)
        m_state->setCurrentIndex(index);
}

QString OutboxPanel::messageText() const
{
    return m_message->text();
}

void OutboxPanel::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

bool OutboxPanel::isSending() const
{
    return m_sender && m_sender->isRunning();
}

void OutboxPanel::refresh()
{
    loadCounts();
    load(selectedNoticeId());
}

void OutboxPanel::load(qint64 selectNoticeId)
{
    if (const Status loaded = m_model->load(); !loaded)
        showMessage(loaded.error().message, true);
    if (m_model->rowCount() == 0) {
        noticeChanged();
        return;
    }
    // The notice selected before, if the first page still has it (no reading on for it), else the newest.
    // The reset left no current row, so this one calls noticeChanged().
    const int row = qMax(0, m_model->rowOfNotice(selectNoticeId));
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, OutboxModel::IdColumn),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void OutboxPanel::loadCounts()
{
    auto counts = NoticeService(m_db).outboxCounts(m_session);
    m_counts = counts ? *counts : QMap<QString, qint64>();
    if (!counts)
        showMessage(counts.error().message, true);
    showCounts();
}

void OutboxPanel::showCounts()
{
    qint64 total = 0;
    QStringList parts;
    for (const QString& state : outboxStates()) {
        const qint64 count = m_counts.value(state);
        total += count;
        parts << tr("%1: %2").arg(noticeStateName(state)).arg(count);
        m_state->setItemText(m_state->findData(state), tr("%1 (%2)").arg(noticeStateName(state)).arg(count));
    }
    m_state->setItemText(0, tr("All states (%1)").arg(total));
    m_countsLabel->setText(parts.join(u"  ·  "_s));
}

void OutboxPanel::noticeChanged()
{
    const qint64 id = selectedNoticeId();
    if (id == 0) {
        m_details->setText(m_model->rowCount() == 0 ? tr("No notice in the outbox.") : QString());
        m_attempts->clear();
        updateActions();
        return;
    }
    const OutboxEntry& entry = m_model->entryAt(m_model->rowOfNotice(id));
    QString details = tr("Notice %1 to %2: %3").arg(entry.id).arg(entry.phoneMasked, entry.text);
    if (!entry.lastError.isEmpty())
        details += u'\n' + tr("Last error: %1").arg(entry.lastError);
    m_details->setText(details);
    auto attempts = NoticeService(m_db).attempts(m_session, id);
    if (!attempts) {
        m_attempts->clear();
        showMessage(attempts.error().message, true);
    } else {
        m_attempts->setAttempts(std::move(*attempts));
    }
    updateActions();
}

void OutboxPanel::updateActions()
{
    const qint64 id = selectedNoticeId();
    const bool dead = id != 0 && m_model->entryAt(m_model->rowOfNotice(id)).state == u"dead";
    m_retryAction->setEnabled(dead && m_permitted.allows(u"notice.manage"_s));
    m_sendAction->setEnabled(m_permitted.allows(u"notice.send"_s) && !isSending());
}

void OutboxPanel::retry()
{
    const qint64 id = selectedNoticeId();
    if (!m_retryAction->isEnabled() || id == 0)
        return;
    auto retried = NoticeService(m_db).retryDead(m_session, id, newRequestId());
    loadCounts();
    if (!retried) {
        load(id);
        showMessage(retried.error().message, true);
        return;
    }
    load(id);
    showMessage(tr("Notice %1 is queued again; the next delivery pass sends it (%2 sends now).")
                    .arg(id)
                    .arg(m_sendAction->shortcut().toString(QKeySequence::NativeText)),
                false);
}

void OutboxPanel::sendNow()
{
    if (!m_sendAction->isEnabled())
        return;
    if (!m_secret->store()) {
        showMessage(tr("This terminal has no place to keep the gateway's password: it cannot send."), true);
        return;
    }
    if (!m_sender) {
        m_sender = new NoticeSender(m_db, m_secret->store(), m_session.terminal + u'/' + m_session.login, this);
        connect(m_sender, &NoticeSender::passFinished, this, &OutboxPanel::passDone);
    }
    // A pass that cannot run may answer before start() returns: the message is set first.
    showMessage(tr("Sending the notices due…"), false);
    if (!m_sender->start()) {
        showMessage(tr("A delivery pass of this terminal is already running."), false);
        return;
    }
    updateActions();
}

void OutboxPanel::passDone(const DeliveryPass& pass)
{
    m_lastPass = pass;
    refresh();
    if (!pass.ok()) {
        showMessage(pass.errorMessage.isEmpty() ? pass.errorCode : pass.errorMessage, true);
    } else if (pass.claimed == 0) {
        showMessage(tr("Delivery pass: no notice was due."), false);
    } else {
        QString text = tr("Delivery pass: %1 sent, %2 failed (tried again later), %3 dead.")
                           .arg(pass.sent)
                           .arg(pass.failed)
                           .arg(pass.dead);
        if (pass.lost > 0)
            text += u' ' + tr("%n notice(s) taken over by another sender.", nullptr, pass.lost);
        showMessage(text, pass.dead > 0);
    }
    emit passFinished(pass);
}

void OutboxPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OutboxPanel::retranslateUi()
{
    m_stateLabel->setText(tr("S&tate:"));
    m_view->setAccessibleName(tr("Notice outbox"));
    m_attemptsView->setAccessibleName(tr("Delivery attempts of the selected notice"));
    setActionTexts(m_refreshAction, tr("Refresh"), tr("Read the outbox again"));
    setActionTexts(m_retryAction, tr("Retry"), tr("Queue the selected dead notice again"));
    setActionTexts(m_sendAction, tr("Send now"), tr("Run a delivery pass from this terminal now"));
    m_model->retranslate();
    m_attempts->retranslate();
    showCounts();
    if (selectedNoticeId() != 0)
        noticeChanged();
}

} // namespace cs::ui
