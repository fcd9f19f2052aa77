// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "engine.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char **argv)
{
    // Qt WebEngine (the Preview panel) shares OpenGL contexts with the widgets; this must
    // be set before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Helios"));
    QApplication::setApplicationName(QStringLiteral("helios-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(HELIOS_VERSION));

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
    // helios-workbench [project]: the project the Build and Preview panels work on.
    if (const QStringList arguments = QApplication::arguments(); arguments.size() > 1)
        window.openProject(arguments.at(1));
    return app.exec();
}
