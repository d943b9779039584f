#include "admin/adminworkspace.h"

#include "admin/settingspage.h"
#include "admin/staffpage.h"
#include "notify/noticespage.h"
#include "shell/workspaces.h"
#include "widgets/formwidgets.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

AdminWorkspace::AdminWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_staff(new StaffPage(db, session, this))
    , m_settings(new SettingsPage(db, session, this))
    , m_notices(new NoticesPage(std::move(db), std::move(session), this))
{
    setObjectName(workspaceKey(Workspace::Administration) + u"Page"_s);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);

    m_tabs->setObjectName(u"adminTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_staff, QString());
    m_tabs->addTab(m_settings, QString());
    m_tabs->addTab(m_notices, QString());
    // The page's first field takes the cursor when its tab is chosen.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (QWidget* page = m_tabs->widget(index))
            page->setFocus(Qt::TabFocusReason);
    });
    m_staff->setFocusProxy(m_staff->findChild<QWidget*>(u"staffTable"_s));
    m_settings->setFocusProxy(m_settings->findChild<QWidget*>(u"settingsTable"_s));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);

    retranslateUi();
}

void AdminWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AdminWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::Administration));
    m_tabs->setTabText(m_tabs->indexOf(m_staff), tr("&Staff"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_staff), tr("Staff members, their roles and sign-on state"));
    m_tabs->setTabText(m_tabs->indexOf(m_settings), tr("S&ettings"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_settings), tr("Limits, timeouts and security settings"));
    m_tabs->setTabText(m_tabs->indexOf(m_notices), tr("&Notices"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_notices), tr("The SMS gateway and the outbox of customer notices"));
}

} // namespace cs::ui
