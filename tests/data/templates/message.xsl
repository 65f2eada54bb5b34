<?xml version="1.0" encoding="UTF-8"?>
<!-- Stops with a message of its own. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:message terminate="yes">the template gives up</xsl:message>
  </xsl:template>
</xsl:stylesheet>
