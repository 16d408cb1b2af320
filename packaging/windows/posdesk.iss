; Inno Setup script of the Windows installer, around the PyInstaller one-folder build.
; Build on Windows (see the README, "Installing"):
;   python -m PyInstaller --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\posdesk.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\posdesk.iss
; The installer lands in build\installer\posdesk-setup-<version>.exe.
;
; Data (sales, clips, keys, logs) lives in each user's %LOCALAPPDATA%\posdesk (or POSDESK_DATA):
; neither this installer nor its uninstaller ever creates, changes or deletes it.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=0.1.0 posdesk.iss
#endif
#define AppName "posdesk"
#define BuildDir "..\..\build\pyinstaller\dist\posdesk"

[Setup]
; One AppId for every version, so an upgrade replaces the program in place.
AppId={{6F0B3A52-9C1E-4D7B-A3F4-2B8C5D1E7A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=posdesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\build\installer
OutputBaseFilename=posdesk-setup-{#AppVersion}
SetupIconFile=posdesk.ico
UninstallDisplayIcon={app}\posdesk.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
; The bundled FFmpeg includes x264 (GPL): the binary as a whole is GPL-2.0-or-later.
LicenseFile=..\LICENSE-binary.txt
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "kiosk"; Description: "Start posdesk when a user logs in (kiosk)"; GroupDescription: "Till:"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\posdesk.exe"; WorkingDir: "{app}"
Name: "{group}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\posdesk.exe"" selftest"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\posdesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\posdesk.exe"; WorkingDir: "{app}"; Tasks: kiosk

[Run]
Filename: "{app}\posdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: uninstalling removes the program files only
; and keeps every user's data directory.
