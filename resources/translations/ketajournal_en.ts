<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Appointment</name>
    <message numerus="yes">
      <source>Wrote a PDF of %n page(s): {name}.</source>
      <translation>
        <numerusform>Wrote a PDF of %n page: {name}.</numerusform>
        <numerusform>Wrote a PDF of %n pages: {name}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>Choose a score for %n mood label(s) first.</source>
      <translation>
        <numerusform>Choose a score for %n mood label first.</numerusform>
        <numerusform>Choose a score for %n mood labels first.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Lock</name>
    <message numerus="yes">
      <source>{message}
You can try again in %n second(s).</source>
      <translation>
        <numerusform>{message}
You can try again in %n second.</numerusform>
        <numerusform>{message}
You can try again in %n seconds.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message numerus="yes">
      <source> to %n CSV file(s).</source>
      <translation>
        <numerusform> to %n CSV file.</numerusform>
        <numerusform> to %n CSV files.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Backed up %n entry(s) to {file} (encrypted).</source>
      <translation>
        <numerusform>Backed up %n entry to {file} (encrypted).</numerusform>
        <numerusform>Backed up %n entries to {file} (encrypted).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n FHIR resource(s) to {file}.</source>
      <translation>
        <numerusform>Exported %n FHIR resource to {file}.</numerusform>
        <numerusform>Exported %n FHIR resources to {file}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s)</source>
      <translation>
        <numerusform>Exported %n entry</numerusform>
        <numerusform>Exported %n entries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s) to {file}.</source>
      <translation>
        <numerusform>Exported %n entry to {file}.</numerusform>
        <numerusform>Exported %n entries to {file}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Questionnaire</name>
    <message numerus="yes">
      <source>Please answer question(s) {numbers}.</source>
      <translation>
        <numerusform>Please answer question {numbers}.</numerusform>
        <numerusform>Please answer questions {numbers}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Security</name>
    <message numerus="yes">
      <source> (Argon2id, {mib} MiB, %n pass(es))</source>
      <translation>
        <numerusform> (Argon2id, {mib} MiB, %n pass)</numerusform>
        <numerusform> (Argon2id, {mib} MiB, %n passes)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>A passphrase of at least %n character(s) (a few unrelated words) replaces the keyring: the journal then opens only with it or with the recovery key.</source>
      <translation>
        <numerusform>A passphrase of at least %n character (a few unrelated words) replaces the keyring: the journal then opens only with it or with the recovery key.</numerusform>
        <numerusform>A passphrase of at least %n characters (a few unrelated words) replaces the keyring: the journal then opens only with it or with the recovery key.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>At least %n character(s) ({typed} so far).</source>
      <translation>
        <numerusform>At least %n character ({typed} so far).</numerusform>
        <numerusform>At least %n characters ({typed} so far).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The backup was made {made} and holds %n entry(s); it opens with its key and passed its integrity check.

Restoring it closes your journal and moves its files to {folder} (nothing is deleted); the backup takes their place. Entries made since the backup will only be in the moved files. Restore it?</source>
      <translation>
        <numerusform>The backup was made {made} and holds %n entry; it opens with its key and passed its integrity check.

Restoring it closes your journal and moves its files to {folder} (nothing is deleted); the backup takes their place. Entries made since the backup will only be in the moved files. Restore it?</numerusform>
        <numerusform>The backup was made {made} and holds %n entries; it opens with its key and passed its integrity check.

Restoring it closes your journal and moves its files to {folder} (nothing is deleted); the backup takes their place. Entries made since the backup will only be in the moved files. Restore it?</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncComputers</name>
    <message numerus="yes">
      <source>last seen %n hour(s) ago</source>
      <translation>
        <numerusform>last seen %n hour ago</numerusform>
        <numerusform>last seen %n hours ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>last seen %n min ago</source>
      <translation>
        <numerusform>last seen %n min ago</numerusform>
        <numerusform>last seen %n min ago</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Today</name>
    <message numerus="yes">
      <source>Today so far: %n mood entry(s).</source>
      <translation>
        <numerusform>Today so far: %n mood entry.</numerusform>
        <numerusform>Today so far: %n mood entries.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TrendHover</name>
    <message numerus="yes">
      <source>daily mean of %n entry(s)</source>
      <translation>
        <numerusform>daily mean of %n entry</numerusform>
        <numerusform>daily mean of %n entries</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Year</name>
    <message numerus="yes">
      <source>%n day(s) with a mood entry</source>
      <translation>
        <numerusform>%n day with a mood entry</numerusform>
        <numerusform>%n days with a mood entry</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n session day(s).</source>
      <translation>
        <numerusform>%n session day.</numerusform>
        <numerusform>%n session days.</numerusform>
      </translation>
    </message>
  </context>
</TS>
