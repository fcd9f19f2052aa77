// SPDX-License-Identifier: Apache-2.0
#include "backends_page.h"

#include "backend_probe.h"
#include "core/config.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace helios::workbench {

namespace {
// How long after the back end's own connect timeout a test is given up as unanswered.
constexpr int deadlineMarginMs = 2000;
} // namespace

BackendsPage::BackendsPage(const Config &current, QWidget *parent)
    : QWidget(parent)
    , m_connectTimeoutMs(current.connectTimeoutMs())
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(m_connectTimeoutMs + deadlineMarginMs);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        finishProbe(m_probingKey, tr("No answer within %1 ms.").arg(m_deadline->interval()));
    });

    auto *layout = new QGridLayout(this);
    layout->setColumnStretch(1, 1);
    addRow(QString::fromLatin1(Config::DatabaseUrl), tr("Store (PostgreSQL)"),
           tr("postgresql://user@host:5432/helios; empty: embedded SQLite"));
    addRow(QString::fromLatin1(Config::RedisUrl), tr("Cache (Redis)"),
           tr("redis://host:6379/0; empty: embedded in-memory cache"));
    addRow(QString::fromLatin1(Config::NatsUrl), tr("Bus (NATS)"),
           tr("nats://host:4222; empty: embedded in-process bus"));
    addRow(QString::fromLatin1(Config::RegistryUrl), tr("Artifacts (OCI registry)"),
           tr("https://registry.example.com; empty: image layouts in the data directory"));

    auto *note = new QLabel(tr("Back-end changes apply the next time Helios Workbench starts."), this);
    note->setWordWrap(true);
    layout->addWidget(note, layout->rowCount(), 0, 1, 3);
    layout->setRowStretch(layout->rowCount(), 1);

    for (const QString &key : keys()) {
        const QString value = current.value(key);
        Row &row = m_rows[key];
        row.original = value;
        row.edit->setText(value);
        const QString source = current.sourceOf(key);
        if (source == QLatin1StringView("environment") || source == QLatin1StringView("override"))
            row.hint = tr("Set by the environment variable %1, which takes precedence over the "
                          "value saved here.")
                           .arg(key);
        row.status->setText(row.hint);
    }
}

BackendsPage::~BackendsPage() = default;

QStringList BackendsPage::keys()
{
    return {QString::fromLatin1(Config::DatabaseUrl), QString::fromLatin1(Config::RedisUrl),
            QString::fromLatin1(Config::NatsUrl), QString::fromLatin1(Config::RegistryUrl)};
}

void BackendsPage::addRow(const QString &key, const QString &role, const QString &placeholder)
{
    auto *layout = static_cast<QGridLayout *>(this->layout());
    const int line = layout->rowCount();
    Row row;
    auto *label = new QLabel(QStringLiteral("%1<br><small>%2</small>").arg(role.toHtmlEscaped(), key), this);
    row.edit = new QLineEdit(this);
    row.edit->setObjectName(key);
    row.edit->setPlaceholderText(placeholder);
    row.edit->setClearButtonEnabled(true);
    label->setBuddy(row.edit);
    row.test = new QPushButton(tr("Test"), this);
    row.test->setToolTip(tr("Connect to this back end once and measure its answer"));
    row.status = new QLabel(this);
    row.status->setWordWrap(true);
    row.status->setTextFormat(Qt::PlainText);
    row.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label, line, 0, 2, 1);
    layout->addWidget(row.edit, line, 1);
    layout->addWidget(row.test, line, 2);
    layout->addWidget(row.status, line + 1, 1, 1, 2);
    m_rows.insert(key, row);

    connect(row.edit, &QLineEdit::textChanged, this, [this, key] { validate(key); });
    connect(row.test, &QPushButton::clicked, this, [this, key] { startProbe(key); });
}

QLineEdit *BackendsPage::urlEdit(const QString &key) const { return m_rows.value(key).edit; }
QPushButton *BackendsPage::testButton(const QString &key) const { return m_rows.value(key).test; }
QLabel *BackendsPage::statusLabel(const QString &key) const { return m_rows.value(key).status; }
bool BackendsPage::isProbing() const { return !m_probingKey.isEmpty(); }

bool BackendsPage::isValid() const
{
    for (const Row &row : m_rows) {
        if (!row.valid)
            return false;
    }
    return true;
}

QHash<QString, QString> BackendsPage::changedValues() const
{
    QHash<QString, QString> changed;
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const QString value = it->edit->text().trimmed();
        if (value != it->original)
            changed.insert(it.key(), value);
    }
    return changed;
}

void BackendsPage::validate(const QString &key)
{
    Row &row = m_rows[key];
    const bool wasValid = isValid();
    const Result<void> checked = Config::checkValue(key, row.edit->text().trimmed());
    row.valid = checked.ok();
    // The engine's message names the key and the schemes it expects; URLs in it are redacted.
    row.status->setText(row.valid ? row.hint : tr("Not a valid URL: %1").arg(checked.error().message));
    row.test->setEnabled(row.valid && !isProbing());
    if (isValid() != wasValid)
        Q_EMIT validityChanged(isValid());
}

void BackendsPage::startProbe(const QString &key)
{
    if (isProbing() || !m_rows.value(key).valid)
        return;
    m_probingKey = key;
    for (const Row &row : std::as_const(m_rows))
        row.test->setEnabled(false);
    m_rows[key].status->setText(tr("Testing…"));

    auto *watcher = new QFutureWatcher<ProbeResult>(this);
    m_probeWatcher = watcher;
    connect(watcher, &QFutureWatcher<ProbeResult>::finished, this, [this, key, watcher] {
        finishProbe(key, probeText(watcher->result()));
    });
    watcher->setFuture(QtConcurrent::run(probeBackend, key, m_rows[key].edit->text(), m_connectTimeoutMs));
    m_deadline->start();
}

void BackendsPage::finishProbe(const QString &key, const QString &text)
{
    m_deadline->stop();
    // A test given up on keeps running on the pool; deleting its watcher drops its answer.
    if (m_probeWatcher) {
        m_probeWatcher->disconnect(this);
        m_probeWatcher->deleteLater();
        m_probeWatcher = nullptr;
    }
    m_probingKey.clear();
    m_rows[key].status->setText(text);
    for (const Row &row : std::as_const(m_rows))
        row.test->setEnabled(row.valid);
}

QString BackendsPage::probeText(const ProbeResult &result) const
{
    switch (result.outcome) {
    case ProbeResult::Outcome::Embedded:
        return tr("Embedded: nothing to connect to.");
    case ProbeResult::Outcome::Reachable:
        return tr("Reachable in %1 ms.").arg(result.latencyMs);
    case ProbeResult::Outcome::Failed:
        break;
    }
    return tr("Not reachable: %1").arg(result.error);
}

} // namespace helios::workbench
