#pragma once

#include <QColor>
#include <QString>

#include <initializer_list>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace cs::ui {

// The widgets the terminal's forms build alike, so that every screen looks and behaves the same.

// The red of refusals and errors.
QColor errorColor();

// A word-wrapped plain-text line in errorColor(), for a refusal's message.
QLabel* createErrorLabel(const QString& objectName, QWidget* parent);

// A word-wrapped plain-text line for what a page says about its last action; it can be copied.
QLabel* createMessageLabel(const QString& objectName, QWidget* parent);

// Shows `text` in `label`: in errorColor() when it is an error, else in the colours of the label's
// parent (so an earlier error's red goes).
void setMessage(QLabel* label, const QString& text, bool error);

// A login field: no capitals, predictions or non-Latin input switched on for it.
QLineEdit* createLoginEdit(const QString& objectName, QWidget* parent);

// A masked password field the input method is told not to learn or predict.
QLineEdit* createPasswordEdit(const QString& objectName, QWidget* parent);

// A thin bar that runs while a background call does. Hidden at first; it keeps its room when hidden,
// so the form does not jump when it shows.
QProgressBar* createBusyIndicator(const QString& objectName, QWidget* parent);

// A plain-text value the user can select and copy (a name, a number looked up).
QLabel* createValueLabel(const QString& objectName, QWidget* parent);

// A value label for an amount: right-aligned, wide enough for 000,000,000.00.
QLabel* createMoneyLabel(const QString& objectName, QWidget* parent);

// A dialog's push button; `isDefault`: the one Enter presses.
QPushButton* createDialogButton(const QString& objectName, QWidget* parent, bool isDefault);

// Makes `label` a heading: bold and `scale` times its font's size.
void setTitleFont(QLabel* label, qreal scale);

// Rows of `label: field`, the labels right-aligned next to fields that take the width.
QFormLayout* createFormLayout();

// Tab moves through `widgets` in this order.
void setTabChain(std::initializer_list<QWidget*> widgets);

} // namespace cs::ui
