; Inno Setup script: a Windows installer for the one-folder bundle dist\bookshop.
;
; Build the bundle first (it also draws build\icons\bookshop.ico from
; resources\icons\bookshop.svg), then, from the repository's top folder:
;
;     iscc /DVersion=0.1.0 packaging\windows\bookshop.iss
;
; which writes dist\bookshop-<version>-windows-setup.exe. The installer asks
; whether to install for everyone (needs an administrator) or only for the
; current user; /ALLUSERS or /CURRENTUSER choose on the command line, and
; /VERYSILENT installs without questions. Start menu entries "Bookshop" and
; "Bookshop Kiosk" are made, and optionally a desktop icon and a kiosk that
; starts at sign-in. Uninstalling removes the program and its shortcuts but
; keeps each person's database, settings and log (in %LOCALAPPDATA%\Bookshop
; and the registry under HKCU\Software\Bookshop) and passwords in the Windows
; Credential Manager.
;
; The project's own CI machine runs Linux: this script is built and tested by
; .github/workflows/installers.yml on a hosted Windows runner.

#ifndef Version
  #error Pass the version: iscc /DVersion=X.Y.Z packaging\windows\bookshop.iss
#endif

[Setup]
AppId={{6F1E2C8A-4B7D-4E3A-9C55-2D8B7A1F0B43}
AppName=Bookshop
AppVersion={#Version}
AppVerName=Bookshop {#Version}
AppPublisher=Bookshop
VersionInfoVersion={#Version}
DefaultDirName={autopf}\Bookshop
DefaultGroupName=Bookshop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=bookshop-{#Version}-windows-setup
SetupIconFile=build\icons\bookshop.ico
UninstallDisplayIcon={app}\bookshop.exe
UninstallDisplayName=Bookshop {#Version}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kioskstartup"; Description: "Start the buyer kiosk when this account signs in"; GroupDescription: "Kiosk:"; Flags: unchecked

[Files]
Source: "dist\bookshop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole: files a newer build no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Bookshop"; Filename: "{app}\bookshop.exe"; Comment: "Bookshop workstation"
Name: "{autoprograms}\Bookshop Kiosk"; Filename: "{app}\bookshop.exe"; Parameters: "--kiosk"; Comment: "Full-screen buyer kiosk"
Name: "{autodesktop}\Bookshop"; Filename: "{app}\bookshop.exe"; Tasks: desktopicon
Name: "{autostartup}\Bookshop Kiosk"; Filename: "{app}\bookshop.exe"; Parameters: "--kiosk"; Tasks: kioskstartup

[Run]
Filename: "{app}\bookshop.exe"; Description: "{cm:LaunchProgram,Bookshop}"; Flags: nowait postinstall skipifsilent
