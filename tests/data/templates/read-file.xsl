<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to read a file: the security policy forbids it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out><xsl:copy-of select="document('/etc/passwd')"/></out>
  </xsl:template>
</xsl:stylesheet>
