#include "widgets/pageaction.h"

#include <QAction>
#include <QPushButton>
#include <QWidget>

namespace cs::ui {

QAction* createPageAction(QWidget* page, const QString& objectName, const QKeySequence& shortcut)
{
    auto* action = new QAction(page);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    page->addAction(action);
    return action;
}

void setActionTexts(QAction* action, const QString& text, const QString& tip)
{
    action->setText(text);
    const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(shortcut.isEmpty() ? tip : tip + QStringLiteral(" (") + shortcut + QLatin1Char(')'));
    action->setStatusTip(tip);
}

QPushButton* createActionButton(QAction* action, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    const auto sync = [button, action] {
        button->setText(action->text());
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
    };
    sync();
    QObject::connect(action, &QAction::changed, button, sync);
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

} // namespace cs::ui
