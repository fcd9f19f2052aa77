// SPDX-License-Identifier: Apache-2.0
#include "appearance.h"
#include "language.h"
#include "main_window.h"

#include "core/termination_signals.h"
#include "engine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace {

// After Restart Now: the same program and arguments as a process of its own, started once
// this one has let go of what it held (the window and the engine are gone by the time
// QApplication runs its post routines: the deployments' port, the dev servers').
void startAgain()
{
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1)))
        std::fprintf(stderr, "helios-workbench: could not start again; start it yourself\n");
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Qt WebEngine (the Preview panel) shares OpenGL contexts with the widgets; this must
    // be set before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Helios"));
    QApplication::setApplicationName(QStringLiteral("helios-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(HELIOS_VERSION));

    // Before any widget exists: every string and every palette is the chosen one.
    helios::workbench::installTranslations(helios::workbench::savedLanguage());
    helios::workbench::applyTheme(helios::workbench::savedTheme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Helios Workbench: tokens, components, builds and deployments."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "The project to open (default: the last one)."),
                                 QStringLiteral("[project]"));
    const QCommandLineOption exitWhenReady(
        QStringLiteral("exit-when-ready"),
        QApplication::translate("main", "Exit as soon as the main window is shown and painted, printing "
                                        "'ready <ms>' (for bench/startup)."));
    parser.addOption(exitWhenReady);
    parser.process(app);

    // SIGINT (Ctrl+C in a terminal) and SIGTERM close the workbench in order, without
    // asking: open dialogs and the event loop end, and what the window and the engine own
    // stops with them (a scaffold's npm, which runs in a process group of its own, the
    // preview's dev servers, the deployments' port). Unsaved edits are not saved. Set up
    // before the engine says it is open, so a caller that waits for that may signal.
    helios::TerminationSignals terminationSignals;
    bool terminated = false;
    QObject::connect(&terminationSignals, &helios::TerminationSignals::received, &app, [&terminated](int number) {
        std::fprintf(stderr, "helios-workbench: %s received, closing\n", number == SIGINT ? "SIGINT" : "SIGTERM");
        terminated = true;
        QApplication::exit(0);
    });

    const auto config = helios::Config::load();
    auto engine = config.ok() ? helios::Engine::open(*config) : helios::Result<std::unique_ptr<helios::Engine>>(config.error());
    if (!engine.ok()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Helios Workbench"),
                              QApplication::translate("main", "The engine could not start:\n%1")
                                  .arg(engine.error().toString()));
        return 1;
    }

    helios::workbench::MainWindow window(**engine);
    window.show();
    if (parser.isSet(exitWhenReady)) {
        // After show(), the first turn of the event loop maps the window; repaint() then
        // paints every visible widget synchronously: from here the window takes input.
        QTimer::singleShot(0, &window, [&window, &sinceStart] {
            window.repaint();
            std::printf("ready %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QApplication::exit(0);
        });
        return app.exec();
    }
    bool restart = false;
    QObject::connect(&window, &helios::workbench::MainWindow::restartRequested, &window, [&restart] { restart = true; });
    if (const QStringList arguments = parser.positionalArguments(); !arguments.isEmpty())
        window.openProject(arguments.first());
    else
        window.openLastProject();
    // A signal handled in an event loop before this one (a dialog's) must not be lost:
    // exec() would start afresh.
    const int code = terminated ? 0 : app.exec();
    if (restart)
        qAddPostRoutine(startAgain);
    return code;
}
