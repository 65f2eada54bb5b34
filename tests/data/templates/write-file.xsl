<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to write a file (EXSLT document): the security policy forbids it.
     The test replaces TARGET with a path in its temporary folder. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="TARGET"><stolen/></exsl:document>
    <out/>
  </xsl:template>
</xsl:stylesheet>
