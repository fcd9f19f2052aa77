// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export_renderer.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QsciScintilla;
class QTabWidget;

namespace helios::panels {

// Read-only previews of the CSS, SCSS, TypeScript and JSON outputs, highlighted by
// QScintilla. schedule() is cheap: it waits for edits to settle, then renders a snapshot
// of the files on a worker thread; a result older than the latest snapshot is dropped.
class ExportPreview : public QWidget {
    Q_OBJECT
public:
    explicit ExportPreview(QWidget *parent = nullptr);
    ~ExportPreview() override;

    void schedule(const std::vector<slate::TokenDocument::File> &files, const QString &activeTheme);
    QString text(ExportRenderer::Format format) const;
    QsciScintilla *editor(ExportRenderer::Format format) const { return m_editors[format]; }
    QTabWidget *tabs() const { return m_tabs; }
    // Milliseconds edits must be apart before a render starts.
    void setDelay(int ms) { m_debounce.setInterval(ms); }

Q_SIGNALS:
    void updated();

private:
    void start();

    QTabWidget *m_tabs;
    QsciScintilla *m_editors[ExportRenderer::FormatCount] = {};
    QTimer m_debounce;
    QThreadPool m_worker;
    std::vector<slate::TokenDocument::File> m_pending;
    QString m_pendingTheme;
    quint64 m_generation = 0;
};

} // namespace helios::panels
