<?xml version="1.0" encoding="UTF-8"?>
<!-- Calls a named template that does not exist (line 7). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out>
      <xsl:value-of select="'x'"/>
      <xsl:call-template name="no-such-template"/>
    </out>
  </xsl:template>
</xsl:stylesheet>
