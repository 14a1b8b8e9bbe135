; Inno Setup script: the Windows installer for the frozen app in dist\ketajournal.
;   iscc /DAppVersion=0.1.0 packaging\windows\ketajournal.iss      (from the repository root)
; gives dist\ketajournal-<version>-windows-x64-setup.exe. Unverified here (no Windows):
; the release workflow runs it on a hosted Windows runner (docs/packaging.md).
;
; Installs for the current user by default (no administrator rights), or for all users
; when the user chooses so in the first dialog. Uninstalling never removes the journal,
; which lives in %LOCALAPPDATA%\ketajournal.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\ketajournal.iss
#endif

[Setup]
; One fixed id for every version, so a new installer upgrades the old installation.
; (uuid5 of the app id; never change it.)
AppId={{7772234E-3BB9-5A99-B46E-384DF42B2751}
AppName=KetaJournal
AppVersion={#AppVersion}
AppVerName=KetaJournal {#AppVersion}
AppPublisher=The KetaJournal developers
AppPublisherURL=https://github.com/ketajournal/ketajournal
AppSupportURL=https://github.com/ketajournal/ketajournal/issues
AppCopyright=GPL-3.0-or-later
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\KetaJournal
DefaultGroupName=KetaJournal
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\resources\icons\org.ketajournal.KetaJournal.ico
UninstallDisplayIcon={app}\ketajournal.exe
UninstallDisplayName=KetaJournal
OutputDir=..\..\dist
OutputBaseFilename=ketajournal-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole frozen folder: ketajournal.exe (the window, no console), ketajournal-cli.exe
; (the commands, in a console) and _internal\.
Source: "..\..\dist\ketajournal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale: no stale DLL from an older version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\KetaJournal"; Filename: "{app}\ketajournal.exe"; AppUserModelID: "org.ketajournal.KetaJournal"
Name: "{autodesktop}\KetaJournal"; Filename: "{app}\ketajournal.exe"; Tasks: desktopicon; AppUserModelID: "org.ketajournal.KetaJournal"

[Run]
Filename: "{app}\ketajournal.exe"; Description: "{cm:LaunchProgram,KetaJournal}"; Flags: nowait postinstall skipifsilent
