; StockDesk's Windows installer: installs the one-folder build of installer/stockdesk.spec.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\stockdesk [/DOUTDIR=..\..\dist] stockdesk.nsi
;   (on Linux: makensis -DVERSION=... ; installer/windows/check.sh compiles it on a stand-in)
;
; Two ways to install, chosen on the first page or with /PORTABLE on the command line:
;   - for this computer: Program Files, Start menu and desktop shortcuts, an entry in "Apps"
;     with its uninstaller.  Installing again (a newer version) finds the folder in the
;     registry, waits until StockDesk is closed, replaces the program files and keeps the data.
;   - portable copy: into a folder the person chooses (a USB stick), with the `portable` file
;     that makes StockDesk keep its data in data\ beside it; no shortcuts, no registry, no
;     uninstaller (delete the folder, after copying data\ somewhere safe).
;
; The user's data is never touched: the database, backups, logs and settings live in
; %LOCALAPPDATA%\StockDesk (or data\ of a portable copy).  The uninstaller removes only the
; program files it installed.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "give the version: makensis /DVERSION=x.y.z (stockdesk/__init__.py __version__)"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\stockdesk"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

!define APP "StockDesk"
!define GUI_EXE "stockdesk-gui.exe"
!define CLI_EXE "stockdesk.exe"
!define REG_APP "Software\StockDesk"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\StockDesk"
!define ICON "..\icons\stockdesk.ico"

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTDIR}\stockdesk-${VERSION}-windows-x64-setup.exe"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${REG_APP}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "GPL-3.0-or-later"

Var Portable      ; 1: portable copy
Var ModeDialog
Var ModeComputer
Var ModePortable

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"

!insertmacro MUI_PAGE_WELCOME
Page custom ModePage ModePageLeave
!define MUI_PAGE_CUSTOMFUNCTION_PRE DirectoryPre
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Portuguese"
!insertmacro MUI_LANGUAGE "Spanish"

!include "strings.nsh"

; ---------------------------------------------------------------------------------------------
; choosing the mode

Function .onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  StrCpy $Portable 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PORTABLE" $R1
  ${IfNot} ${Errors}
    StrCpy $Portable 1
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function ModePage
  ${If} ${Silent}
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "$(ModeTitle)" "$(ModeSubtitle)"
  nsDialogs::Create 1018
  Pop $ModeDialog
  ${NSD_CreateRadioButton} 0 0 100% 12u "$(ModeComputer)"
  Pop $ModeComputer
  ${NSD_CreateLabel} 12u 14u -12u 24u "$(ModeComputerText)"
  Pop $0
  ${NSD_CreateRadioButton} 0 44u 100% 12u "$(ModePortable)"
  Pop $ModePortable
  ${NSD_CreateLabel} 12u 58u -12u 36u "$(ModePortableText)"
  Pop $0
  ${If} $Portable == 1
    ${NSD_Check} $ModePortable
  ${Else}
    ${NSD_Check} $ModeComputer
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $ModePortable $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $INSTDIR "$DESKTOP\${APP}"  ; a proposal: the next page chooses the stick
    StrCpy $Portable 1
  ${Else}
    ${If} $Portable == 1
      ReadRegStr $0 HKLM "${REG_APP}" "InstallDir"
      ${If} $0 == ""
        StrCpy $0 "$PROGRAMFILES64\${APP}"
      ${EndIf}
      StrCpy $INSTDIR $0
    ${EndIf}
    StrCpy $Portable 0
  ${EndIf}
FunctionEnd

Function DirectoryPre
  ; an upgrade installs where the previous version is: nothing to choose
  ${If} $Portable == 0
    ReadRegStr $0 HKLM "${REG_APP}" "InstallDir"
    ${If} $0 != ""
    ${AndIf} ${FileExists} "$0\${GUI_EXE}"
      StrCpy $INSTDIR $0
      Abort
    ${EndIf}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
; installing

!macro WaitUntilClosed FILE
  ; a running program keeps its file locked: renaming it fails until StockDesk is closed
  ${If} ${FileExists} "$INSTDIR\${FILE}"
    ${Do}
      ClearErrors
      Rename "$INSTDIR\${FILE}" "$INSTDIR\${FILE}.old"
      ${IfNot} ${Errors}
        Delete "$INSTDIR\${FILE}.old"
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseFirst)" /SD IDCANCEL IDRETRY +2
      Abort "$(CloseFirst)"
    ${Loop}
  ${EndIf}
!macroend

Section "StockDesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed "${GUI_EXE}"
  !insertmacro WaitUntilClosed "${CLI_EXE}"
  ; the previous version's libraries go: a file it had and this one has not must not linger
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"

  ${If} $Portable == 1
    FileOpen $0 "$INSTDIR\portable" w
    FileWrite $0 "StockDesk keeps its data in the data folder beside this file.$\r$\n"
    FileClose $0
    CreateDirectory "$INSTDIR\data"
  ${Else}
    Delete "$INSTDIR\portable"  ; an installed copy keeps its data per user
    SetShellVarContext all
    CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
    CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKLM "${REG_APP}" "InstallDir" "$INSTDIR"
    WriteRegStr HKLM "${REG_APP}" "Version" "${VERSION}"
    WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayName" "${APP}"
    WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKLM "${REG_UNINSTALL}" "Publisher" "${APP}"
    WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
    WriteRegStr HKLM "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKLM "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKLM "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKLM "${REG_UNINSTALL}" "NoModify" 1
    WriteRegDWORD HKLM "${REG_UNINSTALL}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKLM "${REG_UNINSTALL}" "EstimatedSize" "$0"
  ${EndIf}
SectionEnd

; ---------------------------------------------------------------------------------------------
; uninstalling: program files only; %LOCALAPPDATA%\StockDesk and any data\ folder stay

Function un.onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro WaitUntilClosed "${GUI_EXE}"
  !insertmacro WaitUntilClosed "${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  DeleteRegKey HKLM "${REG_UNINSTALL}"
  DeleteRegKey HKLM "${REG_APP}"
  RMDir "$INSTDIR"  ; only if empty: never a folder holding data
SectionEnd
