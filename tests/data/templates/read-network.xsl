<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to fetch a URL: the security policy forbids it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out><xsl:copy-of select="document('http://127.0.0.1:9/letter.xml')"/></out>
  </xsl:template>
</xsl:stylesheet>
