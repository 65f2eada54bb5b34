<?xml version="1.0" encoding="UTF-8"?>
<!-- An XPath expression that does not compile (line 6). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out>
      <xsl:value-of select="concat('a',"/>
    </out>
  </xsl:template>
</xsl:stylesheet>
