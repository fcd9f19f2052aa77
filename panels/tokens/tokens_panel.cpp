// SPDX-License-Identifier: Apache-2.0
#include "tokens_panel.h"

#include "contrast_model.h"
#include "diagnostics_model.h"
#include "export_preview.h"
#include "panel_host.h"
#include "token_edit_command.h"
#include "token_tree_model.h"
#include "token_value_text.h"
#include "token_value_delegate.h"

#include "core/logging.h"
#include "engine.h"
#include "slate/build_config.h"
#include "slate/token_library.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace helios::panels {

TokensPanel::TokensPanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent), m_engine(engine), m_host(host)
{
    m_publisher.setMaxThreadCount(1);
    m_document.reload();
    buildUi();
    host.addDock(QStringLiteral("tokens"), tr("Tokens"), m_content, Qt::RightDockWidgetArea);
    documentWasChanged();
}

TokensPanel::~TokensPanel() { m_publisher.waitForDone(); }

void TokensPanel::buildUi()
{
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("tokensPanel"));
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(4, 4, 4, 4);

    m_undo = new QUndoStack(this);
    auto *toolbar = new QToolBar(m_content);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *open = toolbar->addAction(tr("Open\u2026"), this, &TokensPanel::openWithDialog);
    open->setShortcut(QKeySequence::Open);
    m_saveAction = toolbar->addAction(tr("Save"), this, [this] { (void)save(); });
    m_saveAction->setShortcut(QKeySequence::Save);
    toolbar->addAction(tr("Add token\u2026"), this, &TokensPanel::addTokenWithDialog);
    toolbar->addSeparator();
    m_undoAction = m_undo->createUndoAction(this, tr("Undo"));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redoAction = m_undo->createRedoAction(this, tr("Redo"));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    // The shortcuts belong to this panel, not the whole window: other panels undo too.
    for (QAction *a : {open, m_saveAction, m_undoAction, m_redoAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_content->addAction(a);
    }
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Theme:"), toolbar));
    m_themeBox = new QComboBox(toolbar);
    m_themeBox->setObjectName(QStringLiteral("themeBox"));
    m_themeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolbar->addWidget(m_themeBox);
    connect(m_themeBox, &QComboBox::activated, this, [this](int i) { setTheme(m_themeBox->itemData(i).toString()); });
    layout->addWidget(toolbar);

    m_filterEdit = new QLineEdit(m_content);
    m_filterEdit->setObjectName(QStringLiteral("tokenFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter tokens by path"));
    m_filterEdit->setClearButtonEnabled(true);
    layout->addWidget(m_filterEdit);

    m_model = new TokenTreeModel(m_document, this);
    m_model->setEditRunner([this](const QString &text, const TokenTreeModel::Operation &op) { return runEdit(text, op); });
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(TokenTreeModel::PathRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterKeyColumn(TokenTreeModel::Name);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });

    m_tree = new QTreeView(m_content);
    m_tree->setObjectName(QStringLiteral("tokenTree"));
    m_tree->setModel(m_filter);
    m_tree->setItemDelegate(new TokenValueDelegate(m_document, m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(TokenTreeModel::Name, 180);
    m_tree->setColumnWidth(TokenTreeModel::Type, 80);
    m_tree->setColumnWidth(TokenTreeModel::Value, 170);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (!index.data(TokenTreeModel::IsTokenRole).toBool())
            return;
        QMenu menu(m_tree);
        menu.addAction(tr("Remove token"), this, &TokensPanel::removeCurrentToken);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });

    // Right: exports and contrast.
    auto *side = new QTabWidget(m_content);
    side->setObjectName(QStringLiteral("tokensSideTabs"));
    m_preview = new ExportPreview(side);
    side->addTab(m_preview, tr("Export"));
    auto *contrastPage = new QWidget(side);
    auto *contrastLayout = new QVBoxLayout(contrastPage);
    m_contrast = new ContrastModel(this);
    auto *contrastView = new QTableView(contrastPage);
    contrastView->setObjectName(QStringLiteral("contrastView"));
    contrastView->setModel(m_contrast);
    contrastView->verticalHeader()->hide();
    contrastView->horizontalHeader()->setStretchLastSection(true);
    contrastLayout->addWidget(contrastView);
    auto *pairRow = new QHBoxLayout;
    auto *fgEdit = new QLineEdit(contrastPage);
    auto *bgEdit = new QLineEdit(contrastPage);
    fgEdit->setPlaceholderText(tr("Foreground token"));
    bgEdit->setPlaceholderText(tr("Background token"));
    auto *addPair = new QPushButton(tr("Add pair"), contrastPage);
    pairRow->addWidget(fgEdit);
    pairRow->addWidget(bgEdit);
    pairRow->addWidget(addPair);
    contrastLayout->addLayout(pairRow);
    auto *pathModel = new QStringListModel(this);
    for (QLineEdit *e : {fgEdit, bgEdit}) {
        auto *completer = new QCompleter(pathModel, e);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        e->setCompleter(completer);
    }
    connect(this, &TokensPanel::documentChanged, pathModel, [this, pathModel] {
        QStringList colours;
        for (const slate::Token &t : m_document.tokens().tokens()) {
            if (t.type == slate::TokenType::Color)
                colours.append(t.path);
        }
        pathModel->setStringList(colours);
    });
    connect(addPair, &QPushButton::clicked, this, [this, fgEdit, bgEdit] {
        m_contrast->addPair(fgEdit->text().trimmed(), bgEdit->text().trimmed());
    });
    side->addTab(contrastPage, tr("Contrast"));

    auto *top = new QSplitter(Qt::Horizontal, m_content);
    top->addWidget(m_tree);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    m_diagnostics = new DiagnosticsModel(this);
    m_diagnosticsView = new QTableView(m_content);
    m_diagnosticsView->setObjectName(QStringLiteral("diagnosticsView"));
    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->verticalHeader()->hide();
    m_diagnosticsView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosticsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diagnosticsView->setColumnWidth(DiagnosticsModel::Location, 200);
    m_diagnosticsView->setColumnWidth(DiagnosticsModel::TokenPath, 160);
    connect(m_diagnosticsView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const QString path = index.data(DiagnosticsModel::PathRole).toString();
        if (!path.isEmpty())
            selectPath(path);
    });

    auto *vertical = new QSplitter(Qt::Vertical, m_content);
    vertical->addWidget(top);
    vertical->addWidget(m_diagnosticsView);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    layout->addWidget(vertical, 1);

    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { m_saveAction->setEnabled(m_document.isModified()); });
}

void TokensPanel::documentWasChanged()
{
    m_model->refresh();
    m_diagnostics->setDiagnostics(m_document.tokens().diagnostics(), {});
    m_contrast->refresh(m_document.tokens());
    m_preview->schedule(m_document.files(), m_document.activeTheme());
    m_saveAction->setEnabled(m_document.isModified());
    Q_EMIT documentChanged();
}

bool TokensPanel::runEdit(const QString &text, const std::function<Result<slate::TokenTextEdit>()> &operation)
{
    auto result = operation();
    if (!result.ok()) {
        // Nothing changed; say why, in the list and in the host's notification area.
        m_diagnostics->setDiagnostics(m_document.tokens().diagnostics(), m_document.rejectedDiagnostics());
        m_host.notify(tr("Not applied: %1").arg(result.error().message));
        return false;
    }
    m_undo->push(new TokenEditCommand(m_document, std::move(*result), text, [this] { documentWasChanged(); }));
    documentWasChanged();
    return true;
}

Result<void> TokensPanel::openFiles(const QStringList &paths)
{
    // Base files first: a theme's layers must be read after what they override.
    QStringList base;
    QList<std::pair<QString, QString>> layers;
    for (const QString &p : paths) {
        const QString theme = slate::TokenDocument::themeFromFileName(p, paths);
        if (theme.isEmpty())
            base.append(p);
        else
            layers.append({p, theme});
    }
    return openLayers(base, layers);
}

Result<void> TokensPanel::openConfig(const QString &configPath)
{
    const slate::BuildConfig config = slate::BuildConfig::read(configPath);
    if (config.hasErrors()) {
        const auto first = std::find_if(config.diagnostics.cbegin(), config.diagnostics.cend(),
                                        [](const slate::Diagnostic &d) { return d.isError(); });
        return makeError(ErrorCode::InvalidArgument, first->toString(), configPath);
    }
    if (!config.resolverPath.isEmpty() || config.sources.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         tr("the panel opens token configs with \"source\" files (and \"themes\" layers), "
                            "not resolver documents"),
                         configPath);
    QList<std::pair<QString, QString>> layers;
    for (const slate::ThemeLayer &theme : config.themes)
        for (const QString &file : theme.files)
            layers.append({file, theme.name});
    return openLayers(config.sources, layers);
}

Result<void> TokensPanel::openLayers(const QStringList &base, const QList<std::pair<QString, QString>> &layers)
{
    slate::TokenDocument fresh;
    for (const QString &p : base)
        HELIOS_TRY(fresh.addFile(p));
    for (const auto &[p, theme] : layers)
        HELIOS_TRY(fresh.addFile(p, theme));
    fresh.reload();
    m_document = std::move(fresh);
    // Views and open editors refer into the old set: a reset drops them all.
    m_model->refresh(true);
    m_undo->clear();
    m_themeBox->clear();
    m_themeBox->addItem(tr("Base"), QString());
    for (const QString &theme : m_document.themes())
        m_themeBox->addItem(theme, theme);
    documentWasChanged();
    m_tree->expandToDepth(1);
    return {};
}

void TokensPanel::openWithDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(m_content, tr("Open token files"), {},
                                                            tr("Design token files (*.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    const auto opened = openFiles(paths);
    if (!opened.ok())
        m_host.notify(tr("Could not open %1: %2").arg(opened.error().context, opened.error().message));
}

void TokensPanel::setTheme(const QString &theme)
{
    m_document.setActiveTheme(theme);
    const int i = m_themeBox->findData(theme);
    if (i >= 0)
        m_themeBox->setCurrentIndex(i);
    documentWasChanged();
}

QString TokensPanel::setName() const
{
    for (const auto &f : m_document.files()) {
        if (!f.theme.isEmpty())
            continue;
        QString name = QFileInfo(f.path).fileName();
        for (const QLatin1StringView suffix : {QLatin1StringView(".json"), QLatin1StringView(".tokens")}) {
            if (name.endsWith(suffix))
                name.chop(suffix.size());
        }
        return name;
    }
    return {};
}

Result<void> TokensPanel::save()
{
    const auto saved = m_document.save();
    m_saveAction->setEnabled(m_document.isModified());
    if (!saved.ok()) {
        m_host.notify(tr("Could not save %1: %2").arg(saved.error().context, saved.error().message));
        return saved;
    }
    m_undo->setClean();
    publish();
    return {};
}

void TokensPanel::publish()
{
    const QString name = setName();
    if (name.isEmpty() || !slate::TokenLibrary::nameProblem(name).isEmpty()) {
        Q_EMIT published(false, tr("Saved the files; not published: \"%1\" is not a token set name").arg(name));
        return;
    }
    QList<slate::TokenFile> files;
    for (const auto &f : m_document.files())
        files.append({QFileInfo(f.path).fileName(), f.text});
    QString author = qEnvironmentVariable("USER");
    if (author.isEmpty())
        author = QStringLiteral("workbench");
    // The Store may be a remote server: never on the UI thread.
    m_publisher.start([this, name, files, author] {
        slate::TokenLibrary library(m_engine.store(), m_engine.cache(), m_engine.bus());
        const auto outcome = library.publish(name, files, author);
        QMetaObject::invokeMethod(this, [this, name, outcome] {
            QString message;
            if (!outcome.ok())
                message = tr("Saved the files; publishing %1 failed: %2").arg(name, outcome.error().message);
            else if (outcome->created)
                message = tr("Saved and published %1 version %2").arg(name).arg(outcome->info.version);
            else
                message = tr("Saved; %1 version %2 already holds these files").arg(name).arg(outcome->info.version);
            m_host.notify(message);
            Q_EMIT published(outcome.ok(), message);
        }, Qt::QueuedConnection);
    });
}

bool TokensPanel::addToken(const QString &groupPath, const QString &name, slate::TokenType type,
                           const QString &valueText)
{
    const QString valueJson = TokenValueText::toJson(valueText);
    const QString path = groupPath.isEmpty() ? name : groupPath + QLatin1Char('.') + name;
    const bool added = runEdit(tr("Add %1").arg(path), [this, groupPath, name, type, valueJson] {
        return m_document.addToken(groupPath, name, type, valueJson);
    });
    if (added)
        selectPath(path);
    return added;
}

void TokensPanel::addTokenWithDialog()
{
    // The group of the selection: a selected group itself, or a selected token's parent.
    const QModelIndex current = m_tree->currentIndex();
    QString group = current.data(TokenTreeModel::PathRole).toString();
    if (current.data(TokenTreeModel::IsTokenRole).toBool())
        group = group.section(QLatin1Char('.'), 0, -2);

    QDialog dialog(m_content);
    dialog.setWindowTitle(tr("Add token"));
    auto *form = new QFormLayout(&dialog);
    auto *groupEdit = new QLineEdit(group, &dialog);
    auto *nameEdit = new QLineEdit(&dialog);
    auto *typeBox = new QComboBox(&dialog);
    for (int t = int(slate::TokenType::Color); t <= int(slate::TokenType::Typography); ++t)
        typeBox->addItem(slate::tokenTypeName(slate::TokenType(t)), t);
    auto *valueEdit = new QLineEdit(&dialog);
    valueEdit->setPlaceholderText(tr("#0057d9, 16px, {color.brand} or JSON"));
    form->addRow(tr("Group:"), groupEdit);
    form->addRow(tr("Name:"), nameEdit);
    form->addRow(tr("Type:"), typeBox);
    form->addRow(tr("Value:"), valueEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    (void)addToken(groupEdit->text().trimmed(), nameEdit->text().trimmed(),
                   slate::TokenType(typeBox->currentData().toInt()), valueEdit->text().trimmed());
}

void TokensPanel::removeCurrentToken()
{
    const QString path = m_tree->currentIndex().data(TokenTreeModel::PathRole).toString();
    if (path.isEmpty() || !m_tree->currentIndex().data(TokenTreeModel::IsTokenRole).toBool())
        return;
    (void)runEdit(tr("Remove %1").arg(path), [this, path] { return m_document.removeToken(path); });
}

void TokensPanel::selectPath(const QString &path)
{
    QModelIndex index = m_filter->mapFromSource(m_model->indexForPath(path));
    if (!index.isValid() && m_model->indexForPath(path).isValid()) {
        m_filterEdit->clear(); // filtered out: show everything again
        index = m_filter->mapFromSource(m_model->indexForPath(path));
    }
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

} // namespace helios::panels
