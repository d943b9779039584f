#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

#include <functional>

namespace cs::ui {

// The editor of a setting's value in a SettingsModel, by the kind of the setting: amounts in a line
// edit, minutes, days and counts in a spin box bounded by the setting's range, times of day in an
// HH:mm time edit. The open editor is named settingValueEditor.
class SettingsDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit SettingsDelegate(QObject* parent);

    // Called with the text of an amount editor as it is typed (for the capitals beside the table).
    std::function<void(const QString&)> onAmountTyped;
    // Called when an editor opens: what it holds can be saved before it is closed.
    std::function<void()> onEditorOpened;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // Takes what the open editor holds into the model and closes it (Save while still typing).
    void commitOpenEditor();

private:
    mutable QPointer<QWidget> m_openEditor;
};

} // namespace cs::ui
