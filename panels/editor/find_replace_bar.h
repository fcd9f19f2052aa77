// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QsciScintilla;

namespace helios::panels {

// The bar under the editor tabs that finds and replaces plain text in one editor: next and
// previous (wrapping at the ends), case and whole-word options, replace the current match
// and replace all (one undo step). It works on whichever editor setEditor() last gave it.
class FindReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget *parent = nullptr);

    // The editor searched from now on; nullptr when no file is open.
    void setEditor(QsciScintilla *editor);
    // Shows the bar (with the replace row when `withReplace`), takes the editor's selected
    // text as the search text when it is on one line, and focuses the find field.
    void start(bool withReplace);

    QLineEdit *findEdit() const { return m_findEdit; }
    QLineEdit *replaceEdit() const { return m_replaceEdit; }
    QCheckBox *caseSensitiveBox() const { return m_caseBox; }
    QCheckBox *wholeWordBox() const { return m_wordBox; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    // Selects the next (previous) match after (before) the selection or the cursor;
    // false and "No matches" when there is none.
    bool findNext();
    bool findPrevious();
    // Replaces the selected match and selects the next one; when the selection is not a
    // match, only finds the next one. False when nothing was replaced.
    bool replace();
    // Replaces every match in the editor as one undoable edit; returns how many.
    int replaceAll();

private:
    bool find(bool forward);
    bool selectionIsMatch() const;
    void showStatus(const QString &text);
    void updateEnabled();

    QPointer<QsciScintilla> m_editor;
    QLineEdit *m_findEdit = nullptr;
    QLineEdit *m_replaceEdit = nullptr;
    QCheckBox *m_caseBox = nullptr;
    QCheckBox *m_wordBox = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_replaceButton = nullptr;
    QPushButton *m_replaceAllButton = nullptr;
    QWidget *m_replaceRow = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace helios::panels
