<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>helios::panels::AliasValueEditor</name>
    <message>
        <location filename="../panels/tokens/alias_value_editor.cpp" line="+22"/>
        <source>{group.token} or a value</source>
        <translation>{group.token} oder ein Wert</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no such token</source>
        <translation>kein solches Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unresolved</source>
        <translation>nicht aufgelöst</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 resolves to %2</source>
        <translation>%1 wird zu %2 aufgelöst</translation>
    </message>
</context>
<context>
    <name>helios::panels::BackendStatusModel</name>
    <message>
        <location filename="../panels/home/backend_status_model.cpp" line="+35"/>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back end</source>
        <translation>Back-End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildDurationChart</name>
    <message>
        <location filename="../panels/build/build_duration_chart.cpp" line="+19"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Build durations</source>
        <translation>Build-Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent builds, oldest first</source>
        <translation>Letzte Builds, älteste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildHistoryModel</name>
    <message>
        <location filename="../panels/build/build_history_model.cpp" line="+44"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildLogModel</name>
    <message>
        <location filename="../panels/build/build_log_model.cpp" line="+48"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:%2:%3: %4: %5</source>
        <translation>%1:%2:%3: %4: %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Double-click to open %1 at line %2</source>
        <translation>Doppelklicken, um %1 in Zeile %2 zu öffnen</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildPanel</name>
    <message>
        <location filename="../panels/build/build_panel.cpp" line="+53"/>
        <location line="+28"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Directory with a helios.json</source>
        <translation>Verzeichnis mit einer helios.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use cache</source>
        <translation>Cache verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reuse the results of earlier builds whose inputs have not changed</source>
        <translation>Ergebnisse früherer Builds wiederverwenden, deren Eingaben sich nicht geändert haben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Building %1</source>
        <translation>%1 wird gebaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building %1 without the cache</source>
        <translation>%1 wird ohne Cache gebaut</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Build succeeded in %1: %n file(s), %2, cache %3</source>
        <translation>
            <numerusform>Build in %1 erfolgreich: %n Datei, %2, Cache %3</numerusform>
            <numerusform>Build in %1 erfolgreich: %n Dateien, %2, Cache %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Build failed after %1 with %n error(s)</source>
        <translation>
            <numerusform>Build nach %1 mit %n Fehler fehlgeschlagen</numerusform>
            <numerusform>Build nach %1 mit %n Fehlern fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The build of %1 failed: %2</source>
        <translation>Der Build von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The build history could not be read.</source>
        <translation>Der Build-Verlauf konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No builds yet.</source>
        <translation>Noch keine Builds.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n build(s): %1 succeeded, %2 failed, %3 from the cache; %4 on average</source>
        <translation>
            <numerusform>%n Build: %1 erfolgreich, %2 fehlgeschlagen, %3 aus dem Cache; %4 im Durchschnitt</numerusform>
            <numerusform>%n Builds: %1 erfolgreich, %2 fehlgeschlagen, %3 aus dem Cache; %4 im Durchschnitt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::ColorValueEditor</name>
    <message>
        <location filename="../panels/tokens/color_value_editor.cpp" line="+19"/>
        <location line="+36"/>
        <source>Choose a colour</source>
        <translation>Farbe wählen</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>#rrggbb</source>
        <translation>#rrggbb</translation>
    </message>
</context>
<context>
    <name>helios::panels::CommitDialog</name>
    <message>
        <location filename="../panels/editor/commit_dialog.cpp" line="+32"/>
        <source>Commit Changes</source>
        <translation>Änderungen committen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Describe the change</source>
        <translation>Beschreiben Sie die Änderung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the changes…</source>
        <translation>Änderungen werden gelesen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The changes could not be read: %1</source>
        <translation>Die Änderungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to commit: no file has changed.</source>
        <translation>Nichts zu committen: Keine Datei wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>%n geänderte Datei</numerusform>
            <numerusform>%n geänderte Dateien</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Committing…</source>
        <translation>Wird committet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The commit failed: %1</source>
        <translation>Der Commit ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed %1.</source>
        <translation>%1 committet.</translation>
    </message>
</context>
<context>
    <name>helios::panels::ConsoleMessageModel</name>
    <message>
        <location filename="../panels/preview/console_message_model.cpp" line="+66"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
%2:%3</source>
        <translation>%1
%2:%3</translation>
    </message>
</context>
<context>
    <name>helios::panels::ContrastModel</name>
    <message>
        <location filename="../panels/tokens/contrast_model.cpp" line="+126"/>
        <source>%1:1</source>
        <translation>%1:1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Foreground</source>
        <translation>Vordergrund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AA (4.5)</source>
        <translation>AA (4,5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AAA (7)</source>
        <translation>AAA (7)</translation>
    </message>
</context>
<context>
    <name>helios::panels::DeployPanel</name>
    <message>
        <location filename="../panels/deploy/deploy_panel.cpp" line="+78"/>
        <location line="+29"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy the selected release to the selected environment</source>
        <translation>Das gewählte Release in der gewählten Umgebung bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+225"/>
        <source>Approve the deployment waiting for the selected environment and run it</source>
        <translation>Die wartende Bereitstellung für die gewählte Umgebung freigeben und ausführen</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Promote</source>
        <translation>Hochstufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy what the previous environment runs to the selected one</source>
        <translation>Was in der vorherigen Umgebung läuft, in der gewählten bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected environment back on its previous healthy release</source>
        <translation>Die gewählte Umgebung auf ihr vorheriges gesundes Release zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the deployments again</source>
        <translation>Die Bereitstellungen neu einlesen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Acting as %1 (%2)</source>
        <translation>Handelt als %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The deployments could not be read: %1</source>
        <translation>Die Bereitstellungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No releases yet: build the project, or run `helios deploy`.</source>
        <translation>Noch keine Releases: Bauen Sie das Projekt oder führen Sie `helios deploy` aus.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Needs the %1 role; you are %2</source>
        <translation>Erfordert die Rolle %1; Sie sind %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Deploying %1 to %2…</source>
        <translation>%1 wird in %2 bereitgestellt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approving %1 for %2…</source>
        <translation>%1 wird für %2 freigegeben…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promoting to %1…</source>
        <translation>Hochstufung nach %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rolling %1 back…</source>
        <translation>%1 wird zurückgesetzt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The deployment to %1 was not approved: %2</source>
        <translation>Die Bereitstellung in %1 wurde nicht freigegeben: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was not rolled back: %2</source>
        <translation>%1 wurde nicht zurückgesetzt: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The deployment to %1 did not start: %2</source>
        <translation>Die Bereitstellung in %1 ist nicht gestartet: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 waits for approval before it goes to %2.</source>
        <translation>%1 wartet auf Freigabe, bevor es nach %2 geht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is live on %2: %3</source>
        <translation>%1 ist live in %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is back on %2.</source>
        <translation>%1 ist wieder auf %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed on %2: %3</source>
        <translation>%1 ist in %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed on %2 and it was put back on %3: %4</source>
        <translation>%1 ist in %2 fehlgeschlagen und wurde auf %3 zurückgesetzt: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is still deploying to %2.</source>
        <translation>%1 wird noch in %2 bereitgestellt.</translation>
    </message>
    <message>
        <location filename="../panels/deploy/deploy_texts.cpp" line="+16"/>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed, rolled back</source>
        <translation>fehlgeschlagen, zurückgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unhealthy</source>
        <translation>nicht gesund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not deployed</source>
        <translation>nicht bereitgestellt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the configuration</source>
        <translation>Konfiguration wird geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pulling the image</source>
        <translation>Image wird geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling out</source>
        <translation>Wird ausgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking health</source>
        <translation>Zustand wird geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switching the address</source>
        <translation>Adresse wird umgeschaltet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling back</source>
        <translation>Wird zurückgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording</source>
        <translation>Wird aufgezeichnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>promotion</source>
        <translation>Hochstufung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic deploy</source>
        <translation>automatische Bereitstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollback</source>
        <translation>Zurücksetzung</translation>
    </message>
</context>
<context>
    <name>helios::panels::DeploymentTimelineModel</name>
    <message>
        <location filename="../panels/deploy/deployment_timeline_model.cpp" line="+16"/>
        <source>%1, approved by %2</source>
        <translation>%1, freigegeben von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2 %3 to %4: %5 (%6)</source>
        <translation>%1  %2 %3 nach %4: %5 (%6)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2: %3 ms%4</source>
        <translation>%1 %2: %3 ms%4</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n ms in all</source>
        <translation>
            <numerusform>%n ms insgesamt</numerusform>
            <numerusform>%n ms insgesamt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back on %1</source>
        <translation>Zurückgesetzt auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No steps run yet</source>
        <translation>Noch keine Schritte ausgeführt</translation>
    </message>
</context>
<context>
    <name>helios::panels::DiagnosticsModel</name>
    <message>
        <location filename="../panels/tokens/diagnostics_model.cpp" line="+46"/>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(expected %1, found %2)</source>
        <translation>(erwartet %1, gefunden %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>helios::panels::EditorPanel</name>
    <message>
        <location filename="../panels/editor/editor_panel.cpp" line="+42"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save A&amp;ll</source>
        <translation>A&amp;lle speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Commit…</source>
        <translation>&amp;Committen…</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 changed on disk; the editor keeps your unsaved changes.</source>
        <translation>%1 wurde auf der Festplatte geändert; der Editor behält Ihre ungespeicherten Änderungen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The git status of %1 could not be read: %2</source>
        <translation>Der Git-Status von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The project is not in a git repository: there is nothing to commit to.</source>
        <translation>Das Projekt liegt in keinem Git-Repository: Es gibt nichts, wohin committet werden kann.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some files have unsaved changes; the commit takes them as they are on disk.</source>
        <translation>Einige Dateien haben ungespeicherte Änderungen; der Commit übernimmt sie so, wie sie auf der Festplatte sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed %1.</source>
        <translation>%1 committet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The commit failed: %1</source>
        <translation>Der Commit ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>helios::panels::EnvironmentTableModel</name>
    <message>
        <location filename="../panels/deploy/environment_table_model.cpp" line="+43"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 awaiting approval</source>
        <translation>%1 wartet auf Freigabe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployments need a %1&apos;s approval</source>
        <translation>Bereitstellungen brauchen die Freigabe eines %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No approval needed</source>
        <translation>Keine Freigabe nötig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploys every successful build by itself</source>
        <translation>Stellt jeden erfolgreichen Build selbst bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promotes from %1</source>
        <translation>Stuft von %1 hoch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requested by %1 on %2</source>
        <translation>Angefordert von %1 am %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Live since %1</source>
        <translation>Live seit %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending approval</source>
        <translation>Freigabe ausstehend</translation>
    </message>
</context>
<context>
    <name>helios::panels::EventLogModel</name>
    <message>
        <location filename="../panels/events/event_log_model.cpp" line="+85"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>helios::panels::EventsPanel</name>
    <message>
        <location filename="../panels/events/events_panel.cpp" line="+37"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Events panel receives no events: %1</source>
        <translation>Das Ereignis-Panel empfängt keine Ereignisse: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter by type, source, subject or summary</source>
        <translation>Nach Typ, Quelle, Betreff oder Zusammenfassung filtern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Stop adding rows; events keep arriving and are shown on resume</source>
        <translation>Keine Zeilen mehr hinzufügen; Ereignisse kommen weiter an und werden beim Fortsetzen angezeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select an event to see it as JSON</source>
        <translation>Wählen Sie ein Ereignis, um es als JSON zu sehen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(paused, %n waiting)</source>
        <translation>
            <numerusform>(angehalten, %n wartet)</numerusform>
            <numerusform>(angehalten, %n warten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::ExpertScoresView</name>
    <message>
        <location filename="../panels/spark/expert_scores_view.cpp" line="+66"/>
        <source>no single feature stood out</source>
        <translation>kein einzelnes Merkmal stach hervor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: gate %2%, probability %3%
Driven by: %4</source>
        <translation>%1: Gate %2 %, Wahrscheinlichkeit %3 %
Bestimmt durch: %4</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The router&apos;s scores appear here.</source>
        <translation>Hier erscheinen die Bewertungen des Routers.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>helios::panels::ExportPreview</name>
    <message>
        <location filename="../panels/tokens/export_preview.cpp" line="+30"/>
        <source>CSS</source>
        <translation>CSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SCSS</source>
        <translation>SCSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TypeScript</source>
        <translation>TypeScript</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>helios::panels::FindReplaceBar</name>
    <message>
        <location filename="../panels/editor/find_replace_bar.cpp" line="+24"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+49"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen ersetzt</numerusform>
            <numerusform>%n Vorkommen ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::GitStatusStyle</name>
    <message>
        <location filename="../panels/editor/git_status_style.cpp" line="+51"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untracked</source>
        <translation>Nicht verfolgt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renamed from %1</source>
        <translation>Umbenannt von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type changed</source>
        <translation>Typ geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicted</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (staged)</source>
        <translation>%1 (vorgemerkt)</translation>
    </message>
</context>
<context>
    <name>helios::panels::HomePanel</name>
    <message>
        <location filename="../panels/home/home_panel.cpp" line="+60"/>
        <source>&lt;b&gt;Projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Projekte&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recent projects yet: create one or open a folder.</source>
        <translation>Noch keine zuletzt geöffneten Projekte: Erstellen Sie eines oder öffnen Sie einen Ordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;b&gt;Back ends&lt;/b&gt;</source>
        <translation>&lt;b&gt;Back-Ends&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Recent events&lt;/b&gt;</source>
        <translation>&lt;b&gt;Letzte Ereignisse&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The project folder %1 no longer exists.</source>
        <translation>Der Projektordner %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>helios::panels::PreviewPanel</name>
    <message>
        <location filename="../panels/preview/preview_panel.cpp" line="+52"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A phone&apos;s viewport, 375 × 667</source>
        <translation>Der Viewport eines Telefons, 375 × 667</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tablet</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A tablet&apos;s viewport, 768 × 1024</source>
        <translation>Der Viewport eines Tablets, 768 × 1024</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The page fills the panel</source>
        <translation>Die Seite füllt das Panel aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the page again (edits show without it while the dev server runs)</source>
        <translation>Die Seite erneut laden (Änderungen erscheinen auch ohne, solange der Dev-Server läuft)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the page in the system&apos;s web browser</source>
        <translation>Die Seite im Webbrowser des Systems öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No dev server running</source>
        <translation>Kein Dev-Server aktiv</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No page to preview: the dev server is not running.</source>
        <translation>Keine Seite für die Vorschau: Der Dev-Server läuft nicht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Could not open %1 in a web browser</source>
        <translation>%1 konnte nicht in einem Webbrowser geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The page at %1 did not load; is the dev server running?</source>
        <translation>Die Seite unter %1 wurde nicht geladen; läuft der Dev-Server?</translation>
    </message>
</context>
<context>
    <name>helios::panels::RecentProjectsModel</name>
    <message>
        <location filename="../panels/home/recent_projects_model.cpp" line="+51"/>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>helios::panels::ReleaseTableModel</name>
    <message>
        <location filename="../panels/deploy/release_table_model.cpp" line="+47"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No commits since the previous release</source>
        <translation>Keine Commits seit dem vorherigen Release</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes:
%1</source>
        <translation>Änderungen:
%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>helios::panels::SourceEditor</name>
    <message>
        <location filename="../panels/editor/source_editor.cpp" line="+52"/>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too large to edit (%2; the limit is %3).</source>
        <translation>%1 ist zu groß zum Bearbeiten (%2; die Grenze ist %3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is too large to edit.</source>
        <translation>%1 ist zu groß zum Bearbeiten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not UTF-8 text and cannot be edited here.</source>
        <translation>%1 ist kein UTF-8-Text und kann hier nicht bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>helios::panels::SparkPanel</name>
    <message>
        <location filename="../panels/spark/spark_panel.cpp" line="+34"/>
        <source>Loading the tokens…</source>
        <translation>Tokens werden geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choosing an expert…</source>
        <translation>Experte wird gewählt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the component…</source>
        <translation>Komponente wird geschrieben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validating…</source>
        <translation>Wird validiert…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the version…</source>
        <translation>Version wird gespeichert…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+275"/>
        <source>Writing into the project…</source>
        <translation>Wird ins Projekt geschrieben…</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Building the project…</source>
        <translation>Projekt wird gebaut…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Describe a component, e.g. “a card with a title, an image and two buttons”. Ctrl+Enter generates.</source>
        <translation>Beschreiben Sie eine Komponente, z. B. „eine Karte mit Titel, Bild und zwei Schaltflächen“. Strg+Eingabe erzeugt sie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Earlier prompts</source>
        <translation>Frühere Eingaben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let the router choose the expert, or force one</source>
        <translation>Den Router den Experten wählen lassen oder einen erzwingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the component into the project and build it</source>
        <translation>Die Komponente ins Projekt schreiben und es bauen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expert:</source>
        <translation>Experte:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No project: the built-in tokens are used and Accept is off.</source>
        <translation>Kein Projekt: Die eingebauten Tokens werden verwendet und Übernehmen ist aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Describe the component to generate first.</source>
        <translation>Beschreiben Sie zuerst die zu erzeugende Komponente.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 by the %2 expert passed validation (%3).</source>
        <translation>%1 vom Experten %2 hat die Validierung bestanden (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assumed: %1</source>
        <translation>Angenommen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed validation and cannot be accepted; see the findings below.</source>
        <translation>%1 hat die Validierung nicht bestanden und kann nicht übernommen werden; siehe die Befunde unten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The generation was cancelled.</source>
        <translation>Die Erzeugung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing was generated: %1</source>
        <translation>Nichts wurde erzeugt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 was written into %2 (%n file(s)) and the build succeeded: %3</source>
        <translation>
            <numerusform>%1 wurde in %2 geschrieben (%n Datei) und der Build war erfolgreich: %3</numerusform>
            <numerusform>%1 wurde in %2 geschrieben (%n Dateien) und der Build war erfolgreich: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 was written into %2 (%n file(s)), but the build failed: %3</source>
        <translation>
            <numerusform>%1 wurde in %2 geschrieben (%n Datei), aber der Build ist fehlgeschlagen: %3</numerusform>
            <numerusform>%1 wurde in %2 geschrieben (%n Dateien), aber der Build ist fehlgeschlagen: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The component was not written: %1</source>
        <translation>Die Komponente wurde nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>helios::panels::TokenTreeModel</name>
    <message>
        <location filename="../panels/tokens/token_tree_model.cpp" line="+195"/>
        <source>(unresolved)</source>
        <translation>(nicht aufgelöst)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alias chain: %1</source>
        <translation>Alias-Kette: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Aufgelöst</translation>
    </message>
</context>
<context>
    <name>helios::panels::TokensPanel</name>
    <message>
        <location filename="../panels/tokens/tokens_panel.cpp" line="+52"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add token…</source>
        <translation>Token hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Theme:</source>
        <translation>Thema:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter tokens by path</source>
        <translation>Tokens nach Pfad filtern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Remove token</source>
        <translation>Token entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Foreground token</source>
        <translation>Vordergrund-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background token</source>
        <translation>Hintergrund-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add pair</source>
        <translation>Paar hinzufügen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the panel opens token configs with &quot;source&quot; files (and &quot;themes&quot; layers), not resolver documents</source>
        <translation>das Panel öffnet Token-Konfigurationen mit &quot;source&quot;-Dateien (und &quot;themes&quot;-Ebenen), keine Resolver-Dokumente</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open token files</source>
        <translation>Token-Dateien öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design token files (*.json);;All files (*)</source>
        <translation>Design-Token-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved the files; not published: &quot;%1&quot; is not a token set name</source>
        <translation>Dateien gespeichert; nicht veröffentlicht: &quot;%1&quot; ist kein Name eines Token-Sets</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved the files; publishing %1 failed: %2</source>
        <translation>Dateien gespeichert; Veröffentlichen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved and published %1 version %2</source>
        <translation>%1 Version %2 gespeichert und veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved; %1 version %2 already holds these files</source>
        <translation>Gespeichert; %1 Version %2 enthält diese Dateien bereits</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add token</source>
        <translation>Token hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#0057d9, 16px, {color.brand} or JSON</source>
        <translation>#0057d9, 16px, {color.brand} oder JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>helios::panels::ValidationView</name>
    <message>
        <location filename="../panels/spark/validation_view.cpp" line="+16"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 error</source>
        <translation>%1-Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 warning</source>
        <translation>%1-Warnung</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Appearance</name>
    <message>
        <location filename="../app/workbench/settings/appearance.cpp" line="+103"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>helios::workbench::BackendsPage</name>
    <message>
        <location filename="../app/workbench/settings/backends_page.cpp" line="+30"/>
        <source>No answer within %1 ms.</source>
        <translation>Keine Antwort innerhalb von %1 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store (PostgreSQL)</source>
        <translation>Speicher (PostgreSQL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postgresql://user@host:5432/helios; empty: embedded SQLite</source>
        <translation>postgresql://user@host:5432/helios; leer: eingebettetes SQLite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache (Redis)</source>
        <translation>Cache (Redis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>redis://host:6379/0; empty: embedded in-memory cache</source>
        <translation>redis://host:6379/0; leer: eingebetteter Cache im Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bus (NATS)</source>
        <translation>Bus (NATS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nats://host:4222; empty: embedded in-process bus</source>
        <translation>nats://host:4222; leer: eingebetteter Bus im Prozess</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artifacts (OCI registry)</source>
        <translation>Artefakte (OCI-Registry)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://registry.example.com; empty: image layouts in the data directory</source>
        <translation>https://registry.example.com; leer: Image-Layouts im Datenverzeichnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back-end changes apply the next time Helios Workbench starts.</source>
        <translation>Änderungen an Back-Ends gelten ab dem nächsten Start von Helios Workbench.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set by the environment variable %1, which takes precedence over the value saved here.</source>
        <translation>Durch die Umgebungsvariable %1 gesetzt, die Vorrang vor dem hier gespeicherten Wert hat.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to this back end once and measure its answer</source>
        <translation>Einmal mit diesem Back-End verbinden und seine Antwort messen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Not a valid URL: %1</source>
        <translation>Keine gültige URL: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Embedded: nothing to connect to.</source>
        <translation>Eingebettet: keine Verbindung nötig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable in %1 ms.</source>
        <translation>Erreichbar in %1 ms.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Language</name>
    <message>
        <location filename="../app/workbench/settings/language.cpp" line="+48"/>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::LocationPage</name>
    <message>
        <location filename="../app/workbench/projects/location_page.cpp" line="+42"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the project is created. Finish writes it and records it.</source>
        <translation>Wo das Projekt erstellt wird. Fertigstellen schreibt es und merkt es sich.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install dependencies (npm install)</source>
        <translation>Abhängigkeiten installieren (npm install)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parent folder:</source>
        <translation>Übergeordneter Ordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project folder:</source>
        <translation>Projektordner:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The project could not be created: %1</source>
        <translation>Das Projekt konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose the folder the project goes in.</source>
        <translation>Wählen Sie den Ordner, in den das Projekt kommt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name the project&apos;s folder.</source>
        <translation>Benennen Sie den Ordner des Projekts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project folder is a name, not a path: %1</source>
        <translation>Der Projektordner ist ein Name, kein Pfad: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists and is not empty: choose another folder.</source>
        <translation>%1 existiert und ist nicht leer: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parent Folder</source>
        <translation>Übergeordneter Ordner</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Locator</name>
    <message>
        <location filename="../app/workbench/locator/locator.cpp" line="+48"/>
        <source>Find actions, files, tokens, components (&gt; actions, t tokens, c components, f files)</source>
        <translation>Aktionen, Dateien, Tokens, Komponenten finden (&gt; Aktionen, t Tokens, c Komponenten, f Dateien)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::LocatorModel</name>
    <message>
        <location filename="../app/workbench/locator/locator_model.cpp" line="+27"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
</context>
<context>
    <name>helios::workbench::MainWindow</name>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="+39"/>
        <source>Helios Workbench</source>
        <translation>Helios Workbench</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data in %1</source>
        <translation>Daten in %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deployments are off: %1</source>
        <translation>Bereitstellungen sind aus: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deployments at %1</source>
        <translation>Bereitstellungen unter %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployments at %1 (port %2 was not available: %3)</source>
        <translation>Bereitstellungen unter %1 (Port %2 war nicht verfügbar: %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Builds will not deploy to dev by themselves: %1</source>
        <translation>Builds werden nicht selbst in dev bereitgestellt: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a Helios project (it has no helios.json)</source>
        <translation>%1 ist kein Helios-Projekt (es hat keine helios.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — Helios Workbench</source>
        <translation>%1 — Helios Workbench</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The project&apos;s tokens could not be opened: %1</source>
        <translation>Die Tokens des Projekts konnten nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The preview could not start: %1</source>
        <translation>Die Vorschau konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new settings apply when Helios Workbench starts. Restart it now?</source>
        <translation>Die neuen Einstellungen gelten ab dem nächsten Start von Helios Workbench. Jetzt neu starten?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart Now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files have unsaved changes. Save them before quitting?</source>
        <translation>Einige Dateien haben ungespeicherte Änderungen. Vor dem Beenden speichern?</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window_actions.cpp" line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent Projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save A&amp;ll</source>
        <translation>A&amp;lle speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Locate…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Build</source>
        <translation>B&amp;uild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Generate Component…</source>
        <translation>Komponente &amp;erzeugen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Helios Workbench</source>
        <translation>Ü&amp;ber Helios Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Helios Workbench</source>
        <translation>Über Helios Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Helios Workbench %1&lt;/h3&gt;&lt;p&gt;Design tokens, components, builds and deployments in one place.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Helios Workbench %1&lt;/h3&gt;&lt;p&gt;Design-Tokens, Komponenten, Builds und Bereitstellungen an einem Ort.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ModeBar</name>
    <message>
        <location filename="../app/workbench/mode_bar.cpp" line="+12"/>
        <source>Modes</source>
        <translation>Modi</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::NewProjectWizard</name>
    <message>
        <location filename="../app/workbench/projects/new_project_wizard.cpp" line="+15"/>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ParametersPage</name>
    <message>
        <location filename="../app/workbench/projects/parameters_page.cpp" line="+33"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the template fills in. Fields marked * are required.</source>
        <translation>Was die Vorlage ausfüllt. Mit * markierte Felder sind erforderlich.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is required</source>
        <translation>%1 ist erforderlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must match the pattern %2</source>
        <translation>%1 muss dem Muster %2 entsprechen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The template refuses these values: %1</source>
        <translation>Die Vorlage lehnt diese Werte ab: %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Projects</name>
    <message>
        <location filename="../app/workbench/projects/choose_project_directory.cpp" line="+17"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a Helios project: it has no helios.json. Choose the folder that holds helios.json.</source>
        <translation>%1 ist kein Helios-Projekt: Es hat keine helios.json. Wählen Sie den Ordner, der die helios.json enthält.</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ScaffoldJob</name>
    <message>
        <location filename="../app/workbench/projects/scaffold_job.cpp" line="+15"/>
        <source>Writing the project&apos;s files</source>
        <translation>Die Dateien des Projekts werden geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installing dependencies (npm install)</source>
        <translation>Abhängigkeiten werden installiert (npm install)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating the git repository and its first commit</source>
        <translation>Git-Repository und sein erster Commit werden angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running %1</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>helios::workbench::SettingsDialog</name>
    <message>
        <location filename="../app/workbench/settings/settings_dialog.cpp" line="+28"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Backends</source>
        <translation>&amp;Back-Ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;AI</source>
        <translation>&amp;KI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved in %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>https://api.example.com/v1; empty: no AI expert</source>
        <translation>https://api.example.com/v1; leer: kein KI-Experte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the model name the endpoint expects</source>
        <translation>der Modellname, den der Endpunkt erwartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the endpoint&apos;s API key</source>
        <translation>der API-Schlüssel des Endpunkts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPARK asks an OpenAI-compatible endpoint as one of its experts when a URL is set.</source>
        <translation>SPARK fragt einen OpenAI-kompatiblen Endpunkt als einen seiner Experten, wenn eine URL gesetzt ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Endpoint &amp;URL:</source>
        <translation>Endpunkt-&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key is stored in the config file, readable by you only.</source>
        <translation>Der Schlüssel wird in der Konfigurationsdatei gespeichert, die nur Sie lesen können.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Helios Workbench starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Helios Workbench.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not a valid URL: %1</source>
        <translation>Keine gültige URL: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::TemplatePage</name>
    <message>
        <location filename="../app/workbench/projects/template_page.cpp" line="+35"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose what the new project starts from.</source>
        <translation>Wählen Sie, womit das neue Projekt beginnt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another template: a folder with template.json, or a git URL</source>
        <translation>Eine andere Vorlage: ein Ordner mit template.json oder eine Git-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The template %1 could not be read: %2</source>
        <translation>Die Vorlage %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="+34"/>
        <source>Helios Workbench: tokens, components, builds and deployments.</source>
        <translation>Helios Workbench: Tokens, Komponenten, Builds und Bereitstellungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The project to open (default: the last one).</source>
        <translation>Das zu öffnende Projekt (Standard: das zuletzt geöffnete).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exit as soon as the main window is shown and painted, printing &apos;ready &lt;ms&gt;&apos; (for bench/startup).</source>
        <translation>Beenden, sobald das Hauptfenster angezeigt und gezeichnet ist, und &apos;ready &lt;ms&gt;&apos; ausgeben (für bench/startup).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Helios Workbench</source>
        <translation>Helios Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The engine could not start:
%1</source>
        <translation>Die Engine konnte nicht starten:
%1</translation>
    </message>
</context>
</TS>
