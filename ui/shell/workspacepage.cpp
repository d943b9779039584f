#include "shell/workspacepage.h"

#include "widgets/formwidgets.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

WorkspacePage::WorkspacePage(Workspace workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
{
    setObjectName(workspaceKey(workspace) + u"Page"_s);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);

    m_description->setObjectName(u"workspaceDescription"_s);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addStretch(1);

    retranslateUi();
}

void WorkspacePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WorkspacePage::retranslateUi()
{
    m_title->setText(workspaceTitle(m_workspace));
    m_description->setText(workspaceDescription(m_workspace));
}

} // namespace cs::ui
