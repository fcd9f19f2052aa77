// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "slate/token_document.h"

#include <QObject>
#include <QThreadPool>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QUndoStack;
class QAction;
class QWidget;

namespace helios {
class Engine;
}

namespace helios::panels {

class ContrastModel;
class DiagnosticsModel;
class ExportPreview;
class PanelHost;
class TokenTreeModel;

// Edits DTCG token files: the tree of groups and tokens with a filter and type-aware
// editors, diagnostics inline and listed, a theme switcher, WCAG contrast of colour pairs,
// export previews, undo/redo, and Save, which writes the files and publishes them as the
// next version of the token set in the Store (off the UI thread).
class TokensPanel : public QObject {
    Q_OBJECT
public:
    TokensPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Waits for a publish still running: it uses the engine and this panel.
    ~TokensPanel() override;

    // Replaces the open files. "x.dark.tokens.json" beside "x.tokens.json" becomes theme
    // "dark". Fails, changing nothing, when a file cannot be read.
    Result<void> openFiles(const QStringList &paths);
    // Opens the files a SLATE build config names: its "source" files as the base and its
    // "themes" layers (tokens/tokens.config.json in a react-library project). Fails,
    // changing nothing, on a config error (at file:line:column) or an unreadable file.
    Result<void> openConfig(const QString &configPath);
    // Writes every changed file; on success publishes the set (see published()).
    Result<void> save();
    // "" for the base alone.
    void setTheme(const QString &theme);
    // The name the set is published under: the first base file's name without ".json"
    // and ".tokens" ("colors" for colors.tokens.json).
    QString setName() const;

    QWidget *widget() const { return m_content; }
    slate::TokenDocument &document() { return m_document; }
    TokenTreeModel *treeModel() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *themeBox() const { return m_themeBox; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnostics; }
    QTableView *diagnosticsView() const { return m_diagnosticsView; }
    ContrastModel *contrastModel() const { return m_contrast; }
    ExportPreview *preview() const { return m_preview; }
    QUndoStack *undoStack() const { return m_undo; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    // Adds a token `name` to group `groupPath` ("" for the top level) with a value as typed
    // in the editor ("#ff0000", "16px", "{color.red}" or JSON). One undo step; refused with
    // a diagnostic, changing nothing, when the value does not fit the type.
    bool addToken(const QString &groupPath, const QString &name, slate::TokenType type, const QString &valueText);

public Q_SLOTS:
    void openWithDialog();
    // Asks for group, name, type and value; the group defaults to the current selection's.
    void addTokenWithDialog();
    void removeCurrentToken();
    // Selects (and reveals) a token or group in the tree.
    void selectPath(const QString &path);

Q_SIGNALS:
    // After any change to the active set: an edit, undo/redo, open or theme switch.
    void documentChanged();
    void published(bool ok, const QString &message);

private:
    void buildUi();
    Result<void> openLayers(const QStringList &base, const QList<std::pair<QString, QString>> &layers);
    void documentWasChanged();
    bool runEdit(const QString &text, const std::function<Result<slate::TokenTextEdit>()> &operation);
    void publish();

    Engine &m_engine;
    PanelHost &m_host;
    slate::TokenDocument m_document;
    QWidget *m_content = nullptr;
    TokenTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_themeBox = nullptr;
    DiagnosticsModel *m_diagnostics = nullptr;
    QTableView *m_diagnosticsView = nullptr;
    ContrastModel *m_contrast = nullptr;
    ExportPreview *m_preview = nullptr;
    QUndoStack *m_undo = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QThreadPool m_publisher;
};

} // namespace helios::panels
