#pragma once

#include <QString>

class QAction;
class QKeySequence;
class QPushButton;
class QWidget;

namespace cs::ui {

// An action of `page` whose shortcut works wherever the focus is in the window, as long as the page is
// shown (not on another tab, another workspace or behind the lock screen).
QAction* createPageAction(QWidget* page, const QString& objectName, const QKeySequence& shortcut);

// The action's text, its status tip, and its tooltip naming its shortcut ("Open your cash box (F2)"),
// as every page shows them; called again when the language changes.
void setActionTexts(QAction* action, const QString& text, const QString& tip);

// A button for `action` that follows its text, tooltip and enabled state. A click leaves the focus in
// the table or field being worked on; Tab still reaches the button.
QPushButton* createActionButton(QAction* action, const QString& objectName, QWidget* parent);

} // namespace cs::ui
