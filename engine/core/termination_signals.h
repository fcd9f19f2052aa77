// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QSocketNotifier;

namespace helios {

// SIGTERM and SIGINT delivered as a Qt signal on the thread that made this object: the
// handler only writes a byte to a socket pair, which is async-signal-safe; everything
// else happens in the event loop. One instance per process.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace helios
