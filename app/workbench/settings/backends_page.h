// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace helios {
class Config;
}

namespace helios::workbench {

struct ProbeResult;

// The Backends tab of Settings: one connection string per back end (empty = embedded),
// each checked as it is typed and testable with its Test button. A test runs on the
// global thread pool; the buttons stay disabled until it answers or its deadline (the
// connect timeout plus a margin) passes. Labels never show a URL's password.
class BackendsPage : public QWidget {
    Q_OBJECT
public:
    explicit BackendsPage(const Config &current, QWidget *parent = nullptr);
    ~BackendsPage() override;

    // DATABASE_URL, REDIS_URL, NATS_URL, REGISTRY_URL: the keys this page edits.
    static QStringList keys();

    QLineEdit *urlEdit(const QString &key) const;
    QPushButton *testButton(const QString &key) const;
    QLabel *statusLabel(const QString &key) const;
    bool isProbing() const;

    // Whether every URL is empty or has a scheme its back end accepts.
    bool isValid() const;
    // The trimmed URLs that differ from the Config the page started with.
    QHash<QString, QString> changedValues() const;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    struct Row {
        QLineEdit *edit = nullptr;
        QPushButton *test = nullptr;
        QLabel *status = nullptr;
        QString original; // the value the page started with
        QString hint;     // shown in the status label while nothing else is to be said
        bool valid = true;
    };
    void addRow(const QString &key, const QString &role, const QString &placeholder);
    void validate(const QString &key);
    void startProbe(const QString &key);
    void finishProbe(const QString &key, const QString &text);
    QString probeText(const ProbeResult &result) const;

    int m_connectTimeoutMs = 0;
    QHash<QString, Row> m_rows;
    QString m_probingKey;
    QTimer *m_deadline = nullptr;
    QObject *m_probeWatcher = nullptr; // the QFutureWatcher of the running test
};

} // namespace helios::workbench
