// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/generated_component.h"

#include <QTabWidget>

class QsciScintilla;

namespace helios::panels {

// A generation's files, one read-only QScintilla editor per file in a tab: the
// JavaScript lexer for .ts/.tsx, the CSS lexer for .css. Tabs are titled by file name,
// with the component-relative path as the tooltip.
class GeneratedFilesView : public QTabWidget {
    Q_OBJECT
public:
    explicit GeneratedFilesView(QWidget *parent = nullptr);

    void setFiles(const QList<spark::GeneratedFile> &files);
    void clearFiles();

    // The tab and editor of `path` (as in GeneratedFile::path), or -1 / nullptr.
    int tabOf(const QString &path) const;
    QsciScintilla *editor(const QString &path) const;
    // Selects the file's tab and puts the cursor on the 1-based line and column (the
    // first when 0). False when no tab shows `path`.
    bool showLocation(const QString &path, int line, int column);

private:
    QStringList m_paths; // by tab index
};

} // namespace helios::panels
